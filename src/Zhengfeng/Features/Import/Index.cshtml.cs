using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>Import a work-order export with a saved mapping, or make a mapping from a sample file's header row.</summary>
[Authorize(Policy = Policies.Intake)]
[RequestSizeLimit(SheetReader.MaxBytes + 64 * 1024)]
public sealed class IndexModel(ImportMappings mappings, CaseImporter importer, AppDb db) : WorkflowPage
{
    /// <summary>The mapping form: one select per field, posted back with the sample's columns.</summary>
    public sealed class MappingForm
    {
        public string Name { get; set; } = "";
        public string SourceSystem { get; set; } = "";
        public string ExternalId { get; set; } = "";
        public List<string> Content { get; set; } = [];
        public string? CreatedAt { get; set; }
        public string? Title { get; set; }
        public string? CategoryCode { get; set; }
        public string? Kind { get; set; }
        public string? Address { get; set; }
        public string? Lat { get; set; }
        public string? Lon { get; set; }
        public string? Status { get; set; }
        public string? ClosedAt { get; set; }
        public string? Reply { get; set; }
        public string CategoryMap { get; set; } = "";
        public string KindMap { get; set; } = "";
        public string DefaultCategory { get; set; } = "other";
        public string DefaultKind { get; set; } = "complaint";
        public string TimestampFormat { get; set; } = "yyyy-MM-dd HH:mm:ss";
        public string UtcOffset { get; set; } = "+08:00";
    }

    public static readonly IReadOnlyList<(string Field, string Label)> OptionalFields =
    [
        ("CreatedAt", "受理时间"), ("Title", "标题"), ("CategoryCode", "分类"), ("Kind", "诉求类型"), ("Address", "地址"),
        ("Lat", "纬度"), ("Lon", "经度"), ("Status", "原系统状态"), ("ClosedAt", "原系统办结时间"), ("Reply", "原系统答复"),
    ];

    public List<ImportMapping> Mappings { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The sample file's header, once uploaded: the choices of every column select.</summary>
    [BindProperty]
    public List<string> Columns { get; set; } = [];

    /// <summary>The mapping form: as posted to the save handler (the only one that binds it), else started from the sample.</summary>
    public MappingForm Form => Argument<MappingForm>("form") ?? _sample ?? new();

    private MappingForm? _sample;

    [BindProperty]
    public string? MappingId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Columns = [];
        if (file is null || string.IsNullOrEmpty(MappingId))
        {
            throw new RuleException("import.no_file", "请选择映射并上传文件", 400);
        }
        await using var stream = file.OpenReadStream();
        Result = await importer.ImportAsync(MappingId, stream, ct);
        await LoadAsync(ct);
    }

    public async Task OnPostColumnsAsync(IFormFile? sample, CancellationToken ct)
    {
        if (sample is null)
        {
            throw new RuleException("import.no_sample", "请上传样例文件", 400);
        }
        await using var stream = sample.OpenReadStream();
        var sheet = await SheetReader.ReadAsync(stream, ct);
        Columns = sheet.Header.Where(h => h.Length > 0).Distinct().ToList();
        _sample = new MappingForm { Name = Path.GetFileNameWithoutExtension(sample.FileName) };
        await LoadAsync(ct);
    }

    public async Task OnPostSaveMappingAsync(MappingForm form, CancellationToken ct)
    {
        var f = form;
        var saved = await mappings.CreateAsync(new MappingRequest
        {
            Name = f.Name,
            SourceSystem = f.SourceSystem.Trim(),
            Columns = new MappingColumns
            {
                ExternalId = f.ExternalId,
                Content = f.Content.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
                CreatedAt = f.CreatedAt,
                Title = f.Title,
                CategoryCode = f.CategoryCode,
                Kind = f.Kind,
                Address = f.Address,
                Lat = f.Lat,
                Lon = f.Lon,
                Status = f.Status,
                ClosedAt = f.ClosedAt,
                Reply = f.Reply,
            },
            CategoryMap = ToMap(f.CategoryMap),
            KindMap = ToMap(f.KindMap),
            DefaultCategory = f.DefaultCategory,
            DefaultKind = f.DefaultKind,
            TimestampFormat = f.TimestampFormat,
            UtcOffset = f.UtcOffset.Trim(),
        }, ct);
        Message = $"已保存映射“{saved.Name}”，现在可以用它导入";
        MappingId = saved.Id;
        Columns = [];
        await LoadAsync(ct);
    }

    public string? Selected(string field) => typeof(MappingForm).GetProperty(field)?.GetValue(Form) as string;

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Mappings = await mappings.ListAsync(ct);
        Categories = await db.Set<Category>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
    }

    private static Dictionary<string, string> ToMap(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in MappingText.Decode(text, splitAtLast: true))
        {
            map.TryAdd(key, value);
        }
        return map;
    }
}
