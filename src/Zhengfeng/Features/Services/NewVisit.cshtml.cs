using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>登记来访办件: the window logs a visit, naming the first receiver (首问负责人); done on the spot or not.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class NewVisitModel(ServiceWorkflow flow, CurrentUser me) : WorkflowPage
{
    public List<ServiceItem> Items { get; private set; } = [];
    public List<(string Id, string Name)> Receivers { get; private set; } = [];
    public string MeId => me.Id;
    public LogVisitRequest? Posted => Argument<LogVisitRequest>("visit");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(LogVisitRequest visit, CancellationToken ct)
    {
        var saved = await flow.LogVisitAsync(visit, ct);
        TempData["Notice"] = saved.IsRepeat ? "已登记。注意：该办事人30天内已为同一事项来过，属重复跑腿" : "已登记";
        return Redirect($"/services/visits/{saved.Id}");
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Items = await flow.ItemsAsync(null, null, ct);
        Receivers = await flow.ReceiversAsync(ct);
    }
}
