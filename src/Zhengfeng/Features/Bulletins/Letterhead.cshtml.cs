using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>发文设置: the letterhead new bulletins and campaign documents are written with (the supervision office and admin).</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class LetterheadModel(LetterheadSettings settings) : WorkflowPage
{
    public sealed class LetterheadInput
    {
        [Required(ErrorMessage = "请填写发文机关")][StringLength(100, ErrorMessage = "发文机关不能超过100字")] public string OrganName { get; set; } = "";
        [Required(ErrorMessage = "请填写发文字号前缀")][StringLength(40, ErrorMessage = "发文字号前缀不能超过40字")] public string Prefix { get; set; } = "";
        [Required(ErrorMessage = "请填写印发机关")][StringLength(100, ErrorMessage = "印发机关不能超过100字")] public string PrintedBy { get; set; } = "";
    }

    public LetterheadInput Input => Argument<LetterheadInput>("input") ?? _current;
    public Letterhead Default { get; private set; } = new("", "", "");
    [TempData] public string? Notice { get; set; }

    private LetterheadInput _current = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(LetterheadInput input, CancellationToken ct)
    {
        await settings.SaveAsync(new Letterhead(input.OrganName, input.Prefix, input.PrintedBy), ct);
        Notice = "已保存发文设置，此后拟制的通报和专项整治文书按此落款；已拟制的通报保持原样。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await settings.ResetAsync(ct);
        Notice = "已恢复默认发文设置。";
        return RedirectToPage();
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        _current = new LetterheadInput { OrganName = current.OrganName, Prefix = current.Prefix, PrintedBy = current.PrintedBy };
        Default = await settings.DefaultAsync(ct);
    }
}
