using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>
/// 评议票: a rater opens the code's address on a phone (or types the code at /ballot) and rates each unit once.
/// No login, nothing about the rater is kept.
/// </summary>
[AllowAnonymous]
[TypedCode("评议码不正确，请核对后重新输入")]
public sealed class BallotModel(EvaluationWorkflow flow, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public Dictionary<string, string> Levels { get; set; } = [];
    public PublicBallotView? View { get; private set; }
    public bool Done { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        var ratings = Levels.Where(l => !string.IsNullOrEmpty(l.Value)).Select(l => new UnitRating { UnitId = l.Key, Level = WireEnum.Parse<SatisfactionLevel>(l.Value, "level") }).ToList();
        await flow.CastAsync(Code, new CastBallotRequest { Ratings = ratings }, ct);
        Done = true;
        await LoadAsync(ct);
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            View = await EvaluationsApi.PublicViewAsync(Code, flow, db, ct);
        }
    }
}
