using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>What the case pages share: the choice lists of the forms and the first error to show.</summary>
public static class CasePages
{
    public static readonly IReadOnlyList<CaseKind> Kinds = [CaseKind.Complaint, CaseKind.Help, CaseKind.Consultation, CaseKind.Suggestion, CaseKind.Report, CaseKind.Praise];

    public static readonly IReadOnlyList<ReplyOutcome> Outcomes = Enum.GetValues<ReplyOutcome>();

    /// <summary>The id of a case's reply text box, unique on a page that lists several cases.</summary>
    public static string ReplyBoxId(string caseId) => "reply-" + caseId;

    /// <summary>The five levels of 好差评, best first.</summary>
    public static readonly IReadOnlyList<int> RatingLevels = [5, 4, 3, 2, 1];

    public static string Wire(CaseKind kind) => kind.ToString().ToLowerInvariant();

    public static string Wire(ReplyOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>The categories intake offers in the area (null: the public channels, which see only the shared ones).</summary>
    public static Task<List<Category>> CategoriesAsync(AppDb db, string? areaId, CancellationToken ct)
        => db.Set<Category>().AsNoTracking().Where(c => c.IsActive).Where(Category.In(areaId)).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);

    public static string Tag(CaseStatus status) => status switch
    {
        CaseStatus.Closed => "tag ok",
        CaseStatus.Reopened or CaseStatus.ReturnRequested => "tag red",
        CaseStatus.Dispatched or CaseStatus.Handling => "tag warn",
        _ => "tag",
    };

    /// <summary>Checks a request's DataAnnotations (the same ones the API enforces) and returns the messages, or null when valid.</summary>
    public static string? Invalid(params object?[] requests)
    {
        var results = new List<ValidationResult>();
        foreach (var r in requests.OfType<object>())
        {
            Validator.TryValidateObject(r, new ValidationContext(r), results, validateAllProperties: true);
        }
        return results.Count == 0 ? null : string.Join("；", results.Select(x => x.ErrorMessage).Distinct());
    }

    public static string Tag(string wireStatus) => WireEnum.TryParse<CaseStatus>(wireStatus, out var s) ? Tag(s) : "tag";
}

/// <summary>
/// The posted fields of a new case. The flat shape suits a form; <see cref="ToRequest"/> makes the API's request,
/// whose own DataAnnotations are then checked, so the page and the API refuse the same input.
/// </summary>
public sealed class CaseForm
{
    public string? Kind { get; set; }
    public string? CategoryCode { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Channel { get; set; }
    public string? Address { get; set; }
    public bool Urgent { get; set; }
    public bool Anonymous { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }

    public CreateCaseRequest ToRequest() => new()
    {
        Kind = WireEnum.TryParse<CaseKind>(Kind, out var kind) ? kind : null,
        CategoryCode = CategoryCode ?? "",
        Title = Title,
        Content = Content ?? "",
        Channel = Channel,
        Address = Address,
        Urgent = Urgent,
        Anonymous = Anonymous,
        Reporter = Anonymous || (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone)) ? null : new ReporterInput(Name?.Trim(), Phone?.Trim()),
    };
}

/// <summary>The reply form's fields (<c>_ReplyFields.cshtml</c>): one text box per case on a page, the unit's phrases beside it.</summary>
public sealed record ReplyFields(string CaseId, IReadOnlyList<string> Phrases, string? Text = null)
{
    public string BoxId => CasePages.ReplyBoxId(CaseId);
}

/// <summary>The unit picker's fields (<c>_UnitPicker.cshtml</c>): a searchable list grouped by the unit below the county, the usual units first.</summary>
public sealed record UnitPickerFields(DispatchChoices.Picker Picker, string Name, string Label, string? Selected, string? Exclude)
{
    public string SelectId => Name.Replace('.', '-');
}
