using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

/// <summary>消息提醒: the bell's page; opening a message marks it read and goes to its case.</summary>
[Authorize]
public sealed class MessagesModel(NotificationInbox inbox) : WorkflowPage
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<Notification> Result { get; private set; } = new([], 0, 1, PageSize);
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(string id, CancellationToken ct)
    {
        var n = await inbox.MarkReadAsync(id, ct);
        return n.CaseId is { } caseId ? RedirectToPage("/Cases/Detail", new { id = caseId }) : RedirectToPage(new { Unread, p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await inbox.MarkAllReadAsync(ct);
        Done = marked == 0 ? "没有未读消息" : $"已将{marked}条消息标为已读";
        return RedirectToPage(new { Unread });
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Result = await inbox.ListAsync(Unread, PageNumber, PageSize, ct);
}
