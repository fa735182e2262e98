using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Scores;

/// <summary>Configurable numbers of the year-end score (section "Scores").</summary>
public sealed class ScoringRules
{
    /// <summary>基础分: every unit starts the year with this many points.</summary>
    [Range(0, 1000)] public decimal BaseScore { get; set; } = 100;
}

/// <summary>
/// The 考核细则 the county ships with: one rule per <see cref="ScoreKind"/>, each with the document it comes from. Loaded
/// once into an empty table at start-up; from then on the supervision office edits the table.
/// </summary>
public static class ScoreRuleTable
{
    private const string Measures = "《本县机关干部作风建设综合考核办法》";
    private const string Notices = "县委办《关于进一步加强督查督办工作的通知》";
    private const string Evaluations = "《本县政风行风评议工作办法》第十五条";
    private const string Hotline = "《本县12345政务服务便民热线工作考核办法》第十条";

    public static IReadOnlyList<ScoreRule> Defaults() =>
    [
        ScoreRule.Create(ScoreKind.AssignmentOverdue, "交办事项逾期未完成", -1, 10, Measures + "第八条第（一）项"),
        ScoreRule.Create(ScoreKind.NoticeOverdue, "督办单逾期未回复", -0.5m, null, Notices + "第三条"),
        ScoreRule.Create(ScoreKind.RedNotice, "被红牌督办", -1, null, Notices + "第四条"),
        ScoreRule.Create(ScoreKind.CriticismBulletin, "被通报批评", -2, null, Measures + "第九条第（一）项"),
        ScoreRule.Create(ScoreKind.AccountabilityUnit, "单位被问责", -3, null, "《中国共产党问责条例》第八条；" + Measures + "第九条第（二）项"),
        ScoreRule.Create(ScoreKind.AccountabilityCadre, "本单位干部被问责", -1, null, Measures + "第九条第（三）项"),
        ScoreRule.Create(ScoreKind.AssistFailure, "协办不力（逾期或拒绝协办）", -0.5m, 5, Measures + "第八条第（三）项"),
        ScoreRule.Create(ScoreKind.EvaluationPoor, "政风行风评议结果为“不满意”", -2, null, Evaluations),
        ScoreRule.Create(ScoreKind.EvaluationGood, "政风行风评议结果为“满意”", 1, null, Evaluations),
        ScoreRule.Create(ScoreKind.SatisfactionBottom, "月度满意率同类单位末位", -1, null, Hotline),
        ScoreRule.Create(ScoreKind.SatisfactionTop, "月度满意率同类单位第一", 1, null, Hotline),
        ScoreRule.Create(ScoreKind.RectificationOverdue, "整改事项逾期未完成", -0.5m, null, "《本县作风问题整改销号管理办法》第七条"),
        ScoreRule.Create(ScoreKind.PraiseBulletin, "受到通报表扬", 1, null, Measures + "第十条第（一）项"),
        ScoreRule.Create(ScoreKind.PositiveTypical, "选树为正面典型", 1, null, Measures + "第十条第（二）项"),
        ScoreRule.Create(ScoreKind.Honour, "获得表彰（效能示范岗等）", 2, 5, "《本县机关作风效能建设表彰激励办法》第六条"),
        ScoreRule.Create(ScoreKind.AttendanceAbsence, "干部旷工（每人每天）", -0.2m, 5, Measures + "第八条第（四）项"),
    ];

    /// <summary>
    /// Loads the shipped rules missing from the table (all of them into an empty one, a kind added since into an older one), in one
    /// audited save; rules someone edited are left alone.
    /// </summary>
    public static async Task SeedAsync(AppDb db, CancellationToken ct)
    {
        var have = (await db.Set<ScoreRule>().AsNoTracking().Select(r => r.Kind).ToListAsync(ct)).ToHashSet();
        var missing = Defaults().Where(r => !have.Contains(r.Kind)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.AddRange(missing);
        db.PendingAction = "score.rules-seed";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (SaveConflict.Is(e))
        {
            // Another instance starting at the same moment loaded the table first.
            db.ChangeTracker.Clear();
            var kinds = missing.Select(r => r.Kind).ToList();
            if (await db.Set<ScoreRule>().CountAsync(r => kinds.Contains(r.Kind), ct) < kinds.Count)
            {
                throw;
            }
        }
    }

    /// <summary>The <c>sourceType</c> of the items a rule produces: the kind of record they come from.</summary>
    public static string SourceType(ScoreKind kind) => kind switch
    {
        ScoreKind.AssignmentOverdue => "assignment",
        ScoreKind.NoticeOverdue or ScoreKind.RedNotice => "notice",
        ScoreKind.CriticismBulletin or ScoreKind.PraiseBulletin => "bulletin",
        ScoreKind.AccountabilityUnit or ScoreKind.AccountabilityCadre => "accountability",
        ScoreKind.AssistFailure => "assist",
        ScoreKind.EvaluationPoor or ScoreKind.EvaluationGood => "evaluation",
        ScoreKind.SatisfactionBottom or ScoreKind.SatisfactionTop => "ranking",
        ScoreKind.RectificationOverdue => "rectification",
        ScoreKind.PositiveTypical => "typical",
        ScoreKind.AttendanceAbsence => "attendance",
        _ => "honour",
    };

    /// <summary>What the record type is called on the pages.</summary>
    public static string SourceLabel(string sourceType) => sourceType switch
    {
        "assignment" => "交办事项",
        "notice" => "督办单",
        "bulletin" => "通报",
        "accountability" => "问责",
        "assist" => "协办",
        "evaluation" => "评议",
        "ranking" => "月度排名",
        "rectification" => "整改事项",
        "typical" => "典型案例",
        "honour" => "表彰",
        "attendance" => "考勤",
        _ => sourceType,
    };
}
