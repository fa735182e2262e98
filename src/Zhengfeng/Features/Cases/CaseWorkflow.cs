using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Replies;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// Every action on a case: load, check who may act and what other records decide, call the case's action, notify, save.
/// The API and the pages both call this class; the audit log is written by the save.
/// </summary>
public sealed partial class CaseWorkflow(
    AppDb db, TimeProvider clock, WorkCalendar calendar, CurrentUser user, ReporterIdentity identity,
    Notifier notifier, UnitTree tree, CategoryCatalog categories, RelapseWatch relapses, ClueWorkflow clues, AssistWorkflow assistDuties,
    UnitPhrases phrases, ReplyChecker replyChecks, IOptions<CaseRules> options)
{
    private CaseRules Rules => options.Value;

    private DateTimeOffset Now => clock.GetUtcNow();

    private Actor Me => user.IsAuthenticated ? new Actor(user.Id, user.DisplayName, user.UnitId) : Actor.Public;

    /// <param name="registeredAt">When another system took the request in (an import); defaults to now.</param>
    public async Task<Case> CreateAsync(CreateCaseRequest r, CancellationToken ct, string? channel = null, string? externalId = null, DateTimeOffset? registeredAt = null)
    {
        var kind = r.Kind!.Value;
        var category = await CategoryAsync(r.CategoryCode, ct);
        channel ??= string.IsNullOrWhiteSpace(r.Channel) ? "hotline" : r.Channel.Trim().ToLowerInvariant();
        if (!Channels.Contains(channel))
        {
            throw new RuleException("case.bad_channel", $"受理渠道应为 {string.Join("、", Channels)} 之一", 400);
        }
        var anonymous = r.Anonymous || r.Reporter is null || (string.IsNullOrWhiteSpace(r.Reporter.Name) && string.IsNullOrWhiteSpace(r.Reporter.Phone));
        var c = new Case
        {
            Id = Ids.New(), TrackingCode = NewTrackingCode(), Kind = kind, CategoryCode = category.Code,
            Title = string.IsNullOrWhiteSpace(r.Title) ? Summarize(r.Content) : r.Title.Trim(), Content = r.Content.Trim(),
            Channel = channel, Address = r.Address?.Trim(), Lat = r.Lat, Lon = r.Lon, Urgent = r.Urgent, Anonymous = anonymous,
            ReporterNameEnc = anonymous ? null : identity.Protect(r.Reporter!.Name?.Trim()),
            ReporterPhoneEnc = anonymous ? null : identity.Protect(r.Reporter!.Phone?.Trim()),
            ReporterPhoneHash = anonymous ? null : identity.PhoneHash(r.Reporter!.Phone),
            ExternalId = externalId, RegisteredAt = registeredAt ?? Now,
        };
        c.PlaceIn(user.IsAuthenticated ? await user.AreaIdAsync(ct) : null);
        if (category.AreaId is not null && category.AreaId != c.AreaId)
        {
            throw new RuleException("case.unknown_category", $"诉求分类“{category.Name}”是其他辖区自设的分类，本辖区不能使用", 400);
        }
        c.Register(Me, Now, $"{ChannelLabel(channel)}受理，{Case.KindLabel(kind)}，{category.Name}{(r.Urgent ? "，紧急" : "")}");
        db.Add(c);
        db.PendingAction = "case.register";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Case> DispatchAsync(string id, DispatchRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var lead = await UnitAsync(r.LeadUnitId, "主办单位", ct);
        var assists = (r.AssistUnitIds ?? []).Where(a => !string.IsNullOrWhiteSpace(a) && a != lead.Id).Distinct().ToList();
        foreach (var a in assists)
        {
            await UnitAsync(a, "协办单位", ct);
        }
        AssistWorkflow.CheckParts(r.AssistParts, assists);
        var category = await CategoryAsync(c.CategoryCode, ct);
        var wasDispatched = c.LeadUnitId is not null;
        c.PlaceIn(UnitTree.AreaOf(await tree.GetAsync(db, ct), lead.Id)); // first: the deadlines count on the district's calendar
        var deadlines = Deadlines(c, category, Now);
        c.Dispatch(Me, Now, lead.Id, lead.Name, assists, deadlines, r.Note);
        notifier.Notify(lead.Id, "dispatch", $"新派单：{c.Title}（{c.Number}），请于{ChinaTime.Format(deadlines.Response.DueAt)}前签收", c.Id);
        if (wasDispatched || assists.Count > 0) // a first dispatch without assist units has no duties to add or withdraw
        {
            await assistDuties.AddForCaseAsync(c, r.AssistParts, ct); // each assist unit's duty for this round, told to the unit
        }
        await relapses.CheckCaseAsync(c, ct);
        await EscalateRepeatsAsync(c, lead, ct);
        db.PendingAction = wasDispatched ? "case.redispatch" : "case.dispatch";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Case> SignAsync(string id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        c.Sign(Me, Now);
        db.PendingAction = "case.sign";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>指定承办人: the lead unit's head gives the case to one of the unit's people, who is told in person.</summary>
    public async Task<Case> AssignAsync(string id, string? assigneeId, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        if (!await IsUnitHeadAsync(ct))
        {
            throw new ForbiddenException("只有单位负责人可以指定承办人");
        }
        var person = (await AssigneesAsync(c, ct)).FirstOrDefault(u => u.Id == assigneeId)
            ?? throw new RuleException("case.bad_assignee", "承办人应为主办单位在用的承办账号", 400);
        c.Assign(Me, Now, person.Id, person.DisplayName);
        notifier.Notify(person.UnitId, "assign", $"交您办理：{c.Title}（{c.Number}），办理期限{ChinaTime.Format(c.HandleDueAt)}", c.Id, person.Id);
        db.PendingAction = "case.assign";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>
    /// The people a case may be given to: the active unit accounts of the lead unit itself (a section's account does not see its
    /// department's cases, so the department's head gives them to the department's own people).
    /// </summary>
    public async Task<List<UserAccount>> AssigneesAsync(Case c, CancellationToken ct)
    {
        if (c.LeadUnitId is null)
        {
            return [];
        }
        var accounts = await db.Users.AsNoTracking().Where(u => u.IsActive && u.UnitId == c.LeadUnitId).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return accounts.Where(u => u.RoleList.Contains(Roles.Unit)).ToList();
    }

    public Task<bool> IsUnitHeadAsync(CancellationToken ct)
        => user.IsIn(Roles.Unit) ? db.Users.AnyAsync(u => u.Id == user.Id && u.IsUnitHead && u.IsActive, ct) : Task.FromResult(false);

    /// <summary>首次联系: the unit records that it reached the reporter.</summary>
    public async Task<Case> RecordContactAsync(string id, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        c.SignIfDispatched(Me, Now, "联系诉求人");
        c.RecordContact(Me, Now, note);
        db.PendingAction = "case.contact";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Case> ReplyAsync(string id, ReplyRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        if (await db.Set<ReturnRequest>().AnyAsync(x => x.CaseId == id && x.Decision == RequestDecision.Pending, ct))
        {
            throw new RuleException("case.return_pending", "退单申请尚待裁定，不能答复", 409);
        }
        await phrases.EnsureOwnWordsAsync(c.LeadUnitId!, r.Content, ct);
        c.SignIfDispatched(Me, Now, "首次答复");
        c.Reply(Me, Now, r.Content, r.Outcome!.Value, Now.AddDays(Rules.RatingWindowDays));
        await replyChecks.RecordAsync(c, ct); // advice kept for supervision; a failing check never fails the reply
        await NotifyMergedAsync(c, ct);
        db.PendingAction = "case.reply";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>A consultation answered on the spot by the operator (no dispatch).</summary>
    public async Task<Case> DirectAnswerAsync(string id, string content, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        c.DirectAnswer(Me, Now, content, Now.AddDays(Rules.RatingWindowDays));
        db.PendingAction = "case.direct-answer";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>并单: a repeat request joins the main case; its reporter gets the main case's answer.</summary>
    public async Task<Case> MergeAsync(string id, string intoId, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var main = await LoadAsync(intoId, ct);
        c.MergeInto(main, Me, Now);
        db.PendingAction = "case.merge";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>结案 without a rating, once the rating window has passed (the return visit found no answer).</summary>
    public async Task<Case> CloseAsync(string id, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        c.Close(Me, Now, note, Rules.RatingWindowDays);
        db.PendingAction = "case.close";
        await db.SaveChangesAsync(ct);
        return c;
    }

    private async Task NotifyMergedAsync(Case main, CancellationToken ct)
    {
        var merged = (await db.Set<Case>().Where(x => x.MergedIntoId == main.Id).Select(x => new { x.Id, x.RegisteredAt }).ToListAsync(ct))
            .Select(x => Case.NumberOf(x.Id, x.RegisteredAt)).ToList();
        if (merged.Count > 0)
        {
            main.RecordMergedAnswer(Me, Now, merged);
        }
    }

    /// <summary>
    /// 重复投诉: the third request from the same person in the same category sent to the same unit within the
    /// window becomes a problem clue about that unit (once, at the threshold).
    /// </summary>
    private async Task EscalateRepeatsAsync(Case c, Unit lead, CancellationToken ct)
    {
        if (c.ReporterPhoneHash is null)
        {
            return;
        }
        var since = Now.AddDays(-Rules.RepeatWindowDays);
        // Only the phone is asked of the database, so its index is the one used: with the unit in the query too, SQLite without
        // statistics (a fresh database) reads the unit's index instead, every case the unit got in the window.
        var earlier = (await db.Set<Case>().Where(x => x.ReporterPhoneHash == c.ReporterPhoneHash && x.Id != c.Id)
                .Select(x => new { x.CategoryCode, x.LeadUnitId, x.RegisteredAt }).ToListAsync(ct))
            .Count(x => x.CategoryCode == c.CategoryCode && x.LeadUnitId == lead.Id && x.RegisteredAt >= since);
        if (earlier + 1 == Rules.RepeatThreshold)
        {
            clues.AddSystemClue(ClueSource.Case, lead.Id, "shirking",
                $"同一诉求人{Rules.RepeatWindowDays}天内就同类问题第{Rules.RepeatThreshold}次反映至{lead.Name}（工单 {c.Number}），疑似问题未真正解决", c.Id);
            c.RecordEscalation(Now, "重复投诉，已转为问题线索");
        }
    }

    private CaseDeadlines Deadlines(Case c, Category category, DateTimeOffset from) => Deadlines(calendar.For(c.AreaId), Rules, c.Urgent, category, from);

    /// <summary>The clocks a dispatch at <paramref name="from"/> starts (also used by the demo history, so its cases carry the same deadlines).</summary>
    public static CaseDeadlines Deadlines(WorkCalendar calendar, CaseRules rules, bool urgent, Category category, DateTimeOffset from)
    {
        if (urgent)
        {
            var urgentResponse = WorkCalendar.HourDeadline(from, category.ResponseHours);
            return new(urgentResponse, urgentResponse.DueAt, WorkCalendar.HourDeadline(from, category.UrgentHandleHours));
        }
        return new(calendar.WorkdayDeadline(from, 1), calendar.WorkdayDeadline(from, rules.ContactWorkdays).DueAt, calendar.WorkdayDeadline(from, category.HandleWorkdays));
    }

    internal async Task<Case> LoadAsync(string id, CancellationToken ct)
    {
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("工单");
        if (!await CanSeeAsync(c, ct))
        {
            throw new ForbiddenException("无权查看其他单位的工单");
        }
        return c;
    }

    /// <summary>
    /// Area-wide roles see the cases of their area (every case at the top), a case waiting for dispatch included; unit staff
    /// see the cases their unit (or a unit below it) leads or assists.
    /// </summary>
    public async Task<bool> CanSeeAsync(Case c, CancellationToken ct)
    {
        var visible = await user.VisibleUnitsAsync(ct);
        return visible is null
            || (c.LeadUnitId is not null && visible.Contains(c.LeadUnitId))
            || c.AssistUnits.Any(visible.Contains)
            || (user.IsAreaWide && c.AreaId is not null && visible.Contains(c.AreaId));
    }

    private async Task EnsureLeadUnitAsync(Case c, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit) || c.LeadUnitId is null)
        {
            throw new ForbiddenException("只有主办单位的承办人员可以办理此工单");
        }
        if (!await IsLeadStaffAsync(c, ct))
        {
            throw new ForbiddenException("本单位不是此工单的主办单位，无权办理");
        }
    }

    /// <summary>Whether the current user is unit staff of the lead unit (or a unit below it), i.e. may sign, reply, ask for a return or extension.</summary>
    public async Task<bool> IsLeadStaffAsync(Case c, CancellationToken ct)
        => user.IsIn(Roles.Unit) && c.LeadUnitId is not null
            && UnitTree.Subtree(await tree.GetAsync(db, ct), c.LeadUnitId).Contains(user.UnitId);

    private async Task<Category> CategoryAsync(string code, CancellationToken ct)
        => await categories.FindActiveAsync(db, code, ct)
            ?? throw new RuleException("case.unknown_category", $"诉求分类“{code}”不存在", 400);

    /// <summary>An active unit the case may go to: in a district, one of the district's own (the city's dispatcher sends anywhere).</summary>
    private async Task<Unit> UnitAsync(string id, string label, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct)
            ?? throw new RuleException("case.unknown_unit", $"{label}不存在", 400);
        await user.EnsureInAreaAsync(unit.Id, label, ct); // across districts only the city's hotline dispatches
        return unit;
    }

    public static readonly IReadOnlyList<string> Channels = ["hotline", "web", "letter", "visit", "mailbox", "open311", "import", "inspection", "api", "wechat"];

    public static string ChannelLabel(string channel) => channel switch
    {
        "hotline" => "12345热线",
        "web" => "网上",
        "letter" => "来信",
        "visit" => "来访",
        "mailbox" => "信箱",
        "open311" => "Open311接口",
        "import" => "导入",
        "inspection" => "督查发现",
        "wechat" => "微信",
        _ => "接口",
    };

    private static string Summarize(string content)
    {
        var line = PersonalText.HideNumbers(content.Trim().Split('\n')[0]); // a title is shown widely: no phone or ID number in it
        return line.Length <= 30 ? line : line[..30] + "…";
    }

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>10 characters without look-alikes (0/O, 1/I/L): about 2^49 codes, so guessing one is hopeless.</summary>
    public static string NewTrackingCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 10));
}
