using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>The 考核细则: read by those who read the scores, edited by the supervision office.</summary>
public sealed class ScoreRuleWorkflow(AppDb db, TimeProvider clock, CurrentUser user)
{
    public bool CanEdit => user.IsIn(Roles.Supervisor, Roles.Admin);

    public async Task<List<ScoreRule>> ListAsync(CancellationToken ct)
        => (await db.Set<ScoreRule>().AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Kind).ToList();

    /// <summary>Replaces one rule's name, points, cap, source and switch; the rule refuses a missing source and keeps what it had.</summary>
    public async Task<ScoreRule> ReviseAsync(ScoreKind kind, ReviseScoreRuleRequest r, CancellationToken ct)
    {
        if (!CanEdit)
        {
            throw new ForbiddenException("只有督查人员或管理员可以修改考核细则");
        }
        var rule = await db.Set<ScoreRule>().FirstOrDefaultAsync(x => x.Kind == kind, ct) ?? throw new NotFoundException("考核细则");
        rule.Revise(r.Name.Trim(), r.Points ?? 0, r.YearCap, r.SourceDocument ?? "", r.Enabled, user.DisplayName, clock.GetUtcNow());
        db.PendingAction = "score.rule-update";
        await db.SaveChangesAsync(ct);
        return rule;
    }
}
