using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Suggestions;

/// <summary>派单推荐模型: what the suggestions learnt from, when, how often they were right on recent cases, and a retrain button.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(DispatchSuggester suggester) : PageModel
{
    public ModelStatus Status { get; private set; } = null!;

    public void OnGet() => Status = ModelStatus.Of(suggester);

    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken ct)
    {
        var trainedOn = await suggester.RetrainAsync(ct);
        TempData["Notice"] = trainedOn == 0 ? "已重新训练：尚无可供学习的历史工单，暂不推荐。" : $"已重新训练：学习了 {trainedOn} 件工单。";
        return RedirectToPage();
    }

    /// <summary>A share as a percentage for the page, or a dash when there were too few cases to measure.</summary>
    public static string Percent(double? share) => share is { } s ? $"{s * 100:0.0}%" : "—";
}
