using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

/// <summary>短信发件箱: what the gateway is to send, what it sent and what failed; an admin retries or marks a message sent.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OutboxModel(OutboxService outbox, AppDb db) : WorkflowPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public OutboxFilter Filter { get; private set; }
    public Page<OutboxMessage> Result { get; private set; } = new([], 0, 1, PageSize);
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public string ExportUrl => $"/api/v1/exports/outbox.xlsx?status={WireEnum.Name(Filter)}";

    private Dictionary<string, string> _units = [];

    public static IReadOnlyList<(OutboxFilter Filter, string Label)> Filters { get; } =
        [(OutboxFilter.Unsent, "待发送"), (OutboxFilter.Failed, "发送失败"), (OutboxFilter.Sent, "已发送"), (OutboxFilter.All, "全部")];

    public string RecipientOf(OutboxMessage m) => LedgerExports.Recipient(m.Recipient, _units);

    public object PageRoute(int page) => new { status = WireEnum.Name(Filter), p = page };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(string id, CancellationToken ct)
    {
        await outbox.RetryAsync(id, ct);
        return Done("已重新放入待发送队列");
    }

    public async Task<IActionResult> OnPostSentAsync(string id, CancellationToken ct)
    {
        await outbox.MarkSentAsync(id, ct);
        return Done("已标记为已发送");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        Filter = WireEnum.ParseOptional<OutboxFilter>(Status, "status") ?? OutboxFilter.Unsent;
        return RedirectToPage(PageRoute(PageNumber));
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Filter = WireEnum.ParseOptional<OutboxFilter>(Status, "status") ?? OutboxFilter.Unsent;
        Result = await outbox.ListAsync(Filter, PageNumber, PageSize, ct);
        _units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
