using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Cases;

/// <summary>Configurable rules of a request's life (section "Cases"); defaults from the domain rules.</summary>
public sealed class CaseRules
{
    /// <summary>退单 may be asked within this many working days after dispatch.</summary>
    [Range(0, 10)] public int ReturnWindowWorkdays { get; set; } = 1;

    /// <summary>After this many returns the dispatcher's decision binds the unit.</summary>
    [Range(0, 10)] public int MaxReturns { get; set; } = 2;

    [Range(0, 5)] public int MaxExtensions { get; set; } = 1;

    [Range(1, 60)] public int MaxExtensionWorkdays { get; set; } = 15;

    /// <summary>Re-handling after a bad rating, with a return visit, in working days.</summary>
    [Range(1, 30)] public int ReworkWorkdays { get; set; } = 5;

    /// <summary>The first contact with the reporter, in working days after dispatch (urgent: the response hours).</summary>
    [Range(1, 10)] public int ContactWorkdays { get; set; } = 1;

    /// <summary>A rating may be given within this many days of the reply; afterwards the dispatcher may close.</summary>
    [Range(1, 90)] public int RatingWindowDays { get; set; } = 7;

    /// <summary>Hours before the handling deadline when the warning (预警) is raised.</summary>
    [Range(1, 240)] public int WarningHours { get; set; } = 24;

    /// <summary>Working days after the deadline when the yellow card turns red.</summary>
    [Range(1, 30)] public int RedCardWorkdays { get; set; } = 2;

    /// <summary>The n-th request from one person in one category to one unit within the window becomes a problem clue.</summary>
    [Range(2, 20)] public int RepeatThreshold { get; set; } = 3;

    [Range(1, 365)] public int RepeatWindowDays { get; set; } = 30;

    [Range(0, 1)] public double ResponseWeight { get; set; } = 0.2;
    [Range(0, 1)] public double ResolutionWeight { get; set; } = 0.4;
    [Range(0, 1)] public double SatisfactionWeight { get; set; } = 0.4;
}
