using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Zhengfeng.Features.Scores;

/// <summary>
/// 综合考核 on other features' pages: the dashboard's panel with the best and the last units, and a unit's score on the
/// annual assessment pages. Each links to the score page, where every point leads to its record. Shown only to those who
/// read the scores.
/// </summary>
public sealed class ScorePanelViewComponent(Scoring scoring, IAuthorizationService auth) : ViewComponent
{
    /// <summary>How many units the panel shows at each end of the ranking.</summary>
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync(int year)
    {
        if (!scoring.Covers(year) || !(await auth.AuthorizeAsync(UserClaimsPrincipal, ScorePolicies.Read)).Succeeded)
        {
            return Content("");
        }
        return View("/Features/Scores/_DashboardPanel.cshtml", await scoring.YearAsync(year, HttpContext.RequestAborted));
    }
}

/// <summary>One unit's score and rank for a year, linked to its score page; <c>compact</c> for a table cell.</summary>
public sealed class UnitScoreViewComponent(Scoring scoring, IAuthorizationService auth) : ViewComponent
{
    public sealed record Card(ScoreBoard Board, UnitScore? Score, string UnitId, bool Compact);

    public async Task<IViewComponentResult> InvokeAsync(string unitId, int year, bool compact = false)
    {
        if (!scoring.Covers(year) || !(await auth.AuthorizeAsync(UserClaimsPrincipal, ScorePolicies.Read)).Succeeded)
        {
            return Content("");
        }
        var board = await scoring.YearAsync(year, HttpContext.RequestAborted);
        return View("/Features/Scores/_UnitScore.cshtml", new Card(board, board.For(unitId), unitId, compact));
    }
}
