using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>考核细则: the rule table with each rule's source document; the supervision office edits a rule, others read it.</summary>
[Authorize(Policy = ScorePolicies.Read)]
public sealed class RulesModel(ScoreRuleWorkflow flow) : WorkflowPage
{
    public IReadOnlyList<ScoreRule> Rules { get; private set; } = [];
    public bool CanEdit => flow.CanEdit;

    /// <summary>The rule whose edit was refused: its form shows what was posted.</summary>
    public string? Refused { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostAsync(string kind, ReviseScoreRuleRequest rule, CancellationToken ct)
    {
        Refused = kind;
        var saved = await flow.ReviseAsync(WireEnum.Parse<ScoreKind>(kind, "kind"), rule, ct);
        TempData["Notice"] = $"已保存考核细则“{saved.Name}”";
        return RedirectToPage("Rules");
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Refused = Argument<string>("kind");
        Rules = await flow.ListAsync(ct);
    }

    /// <summary>What a field of a rule's form shows: the refused post for that rule, else the rule as saved.</summary>
    public string Shown(ScoreRule rule, string field, string saved)
        => Refused == WireEnum.Name(rule.Kind) && Request.HasFormContentType && Request.Form.TryGetValue("rule." + field, out var posted) ? posted.ToString() : saved;
}
