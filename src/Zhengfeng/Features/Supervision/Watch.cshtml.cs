using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>监督清单: every watch list in one place, one tab each, with the reason for every row and a link to its record.</summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class WatchModel(WatchLists lists, Burden burden, SupervisionWorkflow notices, ClueWorkflow clues, AppDb db, UnitTree tree, TimeProvider clock) : WorkflowPage
{
    public static readonly IReadOnlyList<(string Key, string Label)> Tabs =
    [
        ("overdue-cases", "超期工单"), ("overdue-rectifications", "逾期整改"), ("relapsed-rectifications", "整改反弹"), ("follow-ups-due", "回头看到期"), ("returns", "退单与推诿"),
        ("clues-waiting", "待核查线索"), ("zero-report", "零报告单位"), ("notices", "督办单"), ("burden", "报送负担"),
        ("assist-failures", "协办不力"),
    ];

    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public string Selected => Tabs.Any(t => t.Key == Tab) ? Tab! : Tabs[0].Key;
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<OverdueCaseRow> OverdueCases { get; private set; } = [];
    public IReadOnlyList<RectificationRow> Rectifications { get; private set; } = [];
    public ReturnsWatch? Returns { get; private set; }
    public IReadOnlyList<WaitingClueRow> Clues { get; private set; } = [];
    public IReadOnlyList<ZeroReportRow> ZeroReport { get; private set; } = [];
    public IReadOnlyList<SupervisionNotice> Notices { get; private set; } = [];
    public BurdenReport? BurdenReport { get; private set; }
    public IReadOnlyList<AssistFailureRow> AssistFailures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var period = Period.TrimToNull();
        switch (Selected)
        {
            case "overdue-cases":
                OverdueCases = await lists.OverdueCasesAsync(ct);
                break;
            case "overdue-rectifications":
                Rectifications = await lists.OverdueRectificationsAsync(ct);
                break;
            case "relapsed-rectifications":
                Rectifications = await lists.RelapsedRectificationsAsync(ct);
                break;
            case "follow-ups-due":
                Rectifications = await lists.FollowUpsDueAsync(ct);
                break;
            case "returns":
                Returns = await lists.ReturnsAsync(period, ct);
                break;
            case "clues-waiting":
                Clues = await lists.CluesWaitingAsync(ct);
                break;
            case "zero-report":
                ZeroReport = await clues.ZeroReportAsync(period, ct);
                break;
            case "assist-failures":
                AssistFailures = await lists.AssistFailuresAsync(ct);
                break;
            case "notices":
                Notices = (await notices.SearchAsync(null, null, null, null, 1, 100, ct)).Items;
                UnitNames = (await tree.GetAsync(db, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Name);
                break;
            default:
                BurdenReport = await burden.PerUnitAsync(period, ct);
                break;
        }
    }

    public bool HasPeriod => Selected is "returns" or "zero-report" or "burden";
}
