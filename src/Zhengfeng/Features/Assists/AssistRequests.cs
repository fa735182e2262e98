using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Assists;

/// <summary>The assist unit's input (协办意见).</summary>
public sealed record AssistInputRequest
{
    [Required(ErrorMessage = "请填写协办意见")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "协办意见应为2至5000字")]
    public required string Content { get; init; }
}

/// <summary>The assist unit refuses its part, with the reason (拒绝协办).</summary>
public sealed record AssistRefusalRequest
{
    [Required(ErrorMessage = "拒绝协办须写明理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "拒绝理由应为2至2000字")]
    public required string Reason { get; init; }
}

/// <summary>Which side of a duty a unit's list shows: the duties it owes (assist), or those owed to it as the lead unit (lead).</summary>
public enum AssistSide { Assist, Lead }

/// <summary>The filters of the 协办 list and its export; <see cref="Failure"/> keeps only 协办不力 (refused, late, or pending past the deadline).</summary>
public sealed record AssistFilter(AssistStatus? Status = null, string? UnitId = null, AssistOwner? OwnerType = null, bool Failure = false,
    AssistSide? Side = null, string? OwnerId = null);
