using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.TrackingCode).HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OverdueLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.ReplyContent).HasMaxLength(5000);
        b.Property(x => x.ResponseDueWhy).HasMaxLength(300);
        b.Property(x => x.HandleDueWhy).HasMaxLength(300);
        b.Property(x => x.AssistUnitIds).HasMaxLength(1000);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.Property(x => x.AssigneeId).HasMaxLength(32);
        b.Property(x => x.AreaId).HasMaxLength(32); // no index: the cases waiting for dispatch are few, found by status first
        b.Property(x => x.AssigneeName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AssistUnits);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.TrackingCode).IsUnique();
        b.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.LeadUnitId, x.Status, x.HandleDueAt });
        b.HasIndex(x => new { x.Status, x.HandleDueAt });
        b.HasIndex(x => new { x.FirstDispatchedAt, x.LeadUnitId, x.SignedInTime }); // the monthly ranking reads only this index
        b.HasIndex(x => new { x.LeadUnitId, x.RegisteredAt }); // a unit's case list, newest first
        b.HasIndex(x => new { x.LeadUnitId, x.RepliedAt, x.Status }); // the inbox's 办结 box, latest reply first, counted from the index alone
        b.HasIndex(x => x.RegisteredAt);
        b.HasIndex(x => x.ReporterPhoneHash);
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Timeline).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.HasKey(x => x.Id);
        // The same codes as ever in the same column, so old rows read and nothing migrates.
        b.Property(x => x.Action).HasConversion(k => CaseEvents.Code(k), code => CaseEvents.Parse(code)).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.CaseId, x.Seq });
    }
}

internal sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.Decision });
        b.HasIndex(x => new { x.UnitId, x.RequestedAt });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.Decision });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.AppealReason).HasMaxLength(1000);
        b.Property(x => x.AppealDecisionNote).HasMaxLength(1000);
        b.Property(x => x.AppealDecision).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.Round }).IsUnique(); // rated once per handling round
        b.HasIndex(x => x.At); // the month's ratings: the dashboard's drill-down and the recount of the running counts
        b.HasIndex(x => new { x.UnitId, x.At }); // a unit's ratings in a month: the ranking's drill-down
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityViewConfiguration : IEntityTypeConfiguration<IdentityView>
{
    public void Configure(EntityTypeBuilder<IdentityView> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseAlertConfiguration : IEntityTypeConfiguration<CaseAlert>
{
    public void Configure(EntityTypeBuilder<CaseAlert> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.Round, x.Level }).IsUnique();
    }
}
