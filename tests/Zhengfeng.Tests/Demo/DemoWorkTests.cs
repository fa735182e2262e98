using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Demo;
using Zhengfeng.Features.Supervision;

namespace Zhengfeng.Tests.Demo;

/// <summary>The demo county's year of work: a running campaign and assigned work in every state, loaded once.</summary>
public sealed class DemoWorkTests
{
    [Fact]
    public async Task The_demo_county_has_a_running_campaign_and_a_year_of_assigned_work_loaded_once()
    {
        await using var app = await AppFactory.StartAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoCounty>().LoadAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoWork>().LoadAsync(CancellationToken.None);
        }

        await app.WithDbAsync(async db =>
        {
            var campaign = await db.Set<Campaign>().SingleAsync(c => c.Name == DemoWork.CampaignName);
            Assert.Equal(CampaignStatus.Running, campaign.Status);
            Assert.Equal(["动员部署", "自查自纠", "集中整治", "总结提升"], campaign.Phases.Select(p => p.Name));
            Assert.Equal(14, campaign.Units.Count);
            Assert.Contains(campaign.Leaders, l => l.Role == "组长");
            Assert.True(await db.Set<CampaignReport>().CountAsync(r => r.CampaignId == campaign.Id) > 80);
            Assert.True(await db.Set<CampaignReport>().AnyAsync(r => r.CampaignId == campaign.Id && r.NoProblem));

            var work = await db.Set<Assignment>().AsNoTracking().ToListAsync();
            Assert.InRange(work.Count, 25, 40);
            Assert.Contains(work, a => a.Status == AssignmentStatus.Done);
            Assert.Contains(work, a => a.Status == AssignmentStatus.Reported);
            Assert.Contains(work, a => a.CampaignId == campaign.Id);
            var today = new DateOnly(2026, 11, 27);
            var overdue = work.Where(a => a.IsOverdue(today)).Select(a => a.Id).ToList();
            Assert.NotEmpty(overdue);
            Assert.True(await db.Set<SupervisionNotice>().AnyAsync(n => n.AssignmentId != null && overdue.Contains(n.AssignmentId)));
            var duties = await db.Set<AssistDuty>().AsNoTracking().ToListAsync();
            Assert.Contains(duties, d => d.Status == AssistStatus.Given);
            Assert.Contains(duties, d => d.IsFailure(app.Clock.GetUtcNow()));
        });
    }
}
