using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>
/// 结果运用: acting on a closed campaign's consequences. A 建议免职 / 建议问责 is referred to 纪检 as an accountability case
/// against the cadre; the 满意 units are praised in one 通报表扬 draft. Each consequence remembers what was done with it.
/// </summary>
public sealed class EvaluationFollowUp(AppDb db, CurrentUser user, AccountabilityWorkflow accountability, BulletinWorkflow bulletins)
{
    /// <summary>Who may open an accountability case (as <see cref="Policies.Inspect"/>).</summary>
    public bool CanRefer => user.IsIn(Roles.Inspector, Roles.Supervisor, Roles.Admin);

    /// <summary>Who may compose a bulletin (as <see cref="Policies.Supervise"/>).</summary>
    public bool CanPraise => user.IsIn(Roles.Supervisor, Roles.Admin);

    /// <summary>移送问责: opens an accountability case against the consequence's cadre and links it, in one transaction.</summary>
    public async Task<AccountabilityCase> ReferAsync(string campaignId, string consequenceId, CancellationToken ct)
    {
        if (!CanRefer)
        {
            throw new ForbiddenException("只有纪检、督查人员或管理员可以移送问责");
        }
        var consequence = await db.Set<EvaluationConsequence>().FirstOrDefaultAsync(c => c.Id == consequenceId && c.CampaignId == campaignId, ct)
            ?? throw new NotFoundException("评议结果运用事项");
        if (consequence.Kind == EvaluationConsequence.Praise)
        {
            throw new RuleException("evaluation.not_referable", "通报表扬不需要移送问责", 409);
        }
        if (consequence.AccountabilityCaseId is not null)
        {
            throw new RuleException("evaluation.already_referred", "已移送问责，不能重复立项", 409);
        }
        if (consequence.CadreId is null)
        {
            var who = consequence.Kind == EvaluationConsequence.Removal ? "主要负责人" : "分管负责人";
            throw new RuleException("evaluation.no_cadre", $"该单位未登记{who}，请先在组织机构中登记后再移送问责", 409);
        }
        var campaign = await db.Set<EvaluationCampaign>().AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == consequence.UnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = await accountability.OpenAsync(new OpenAccountabilityRequest
        {
            CadreId = consequence.CadreId,
            Facts = $"{campaign.Name}：{unit.Name}{consequence.Reason}，评议结果运用为“{consequence.Kind}”。",
        }, ct);
        consequence.ReferTo(opened.Id);
        db.PendingAction = "evaluation.refer";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("evaluation.already_referred", "已移送问责，不能重复立项", 409); // someone else referred it just now
        }
        await tx.CommitAsync(ct);
        return opened;
    }

    /// <summary>通报表扬: one draft bulletin naming every 满意 unit of the campaign not yet praised.</summary>
    public async Task<Bulletin> PraiseAsync(string campaignId, CancellationToken ct)
    {
        if (!CanPraise)
        {
            throw new ForbiddenException("只有督查人员或管理员可以拟制通报");
        }
        var campaign = await db.Set<EvaluationCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw new NotFoundException("评议");
        if (campaign.Status != CampaignStatus.Closed)
        {
            throw new RuleException("evaluation.not_closed", "评议结束后才能通报表扬", 409);
        }
        var praise = await db.Set<EvaluationConsequence>()
            .Where(c => c.CampaignId == campaignId && c.Kind == EvaluationConsequence.Praise && c.BulletinId == null).ToListAsync(ct);
        if (praise.Count == 0)
        {
            throw new RuleException("evaluation.nothing_to_praise", "没有待通报表扬的满意单位（可能已拟制表扬通报）", 409);
        }
        var unitIds = praise.Select(p => p.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var scores = await db.Set<EvaluationResult>().AsNoTracking().Where(r => r.CampaignId == campaignId && unitIds.Contains(r.UnitId))
            .ToDictionaryAsync(r => r.UnitId, r => r.Score, ct);
        var ordered = praise.OrderByDescending(p => scores.GetValueOrDefault(p.UnitId)).ToList();
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"在{campaign.Name}中，经人大代表、政协委员、企业、行风监督员、群众和服务对象评议，")
            .Append(CultureInfo.InvariantCulture, $"{string.Join("、", ordered.Select(p => names[p.UnitId]))}等{ordered.Count}个单位评议结果为“满意”。为树立典型、激励先进，现予以通报表扬。\n")
            .AppendJoin('\n', ordered.Select((p, i) => $"{i + 1}. {names[p.UnitId]}（{scores.GetValueOrDefault(p.UnitId).ToString("0.##", CultureInfo.InvariantCulture)}分）"))
            .Append("\n希望受表扬的单位珍惜荣誉、再接再厉；各单位要以先进为榜样，持续改进作风、提升效能。")
            .ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bulletin = await bulletins.ComposeAsync(new ComposeBulletinRequest
        {
            Kind = BulletinKind.Praise,
            Title = $"关于对{campaign.Year}年度政风行风评议满意单位予以通报表扬的通报",
            Recipients = "各乡镇人民政府、街道办事处，县直各部门",
            Body = body,
        }, ct);
        foreach (var p in praise)
        {
            p.PraisedIn(bulletin.Id);
        }
        db.PendingAction = "evaluation.praise";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("evaluation.nothing_to_praise", "表扬通报已由他人拟制，请刷新后查看", 409);
        }
        await tx.CommitAsync(ct);
        return bulletin;
    }
}
