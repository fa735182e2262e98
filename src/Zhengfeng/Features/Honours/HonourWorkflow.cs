using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Scores;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Honours;

/// <summary>A unit the record suggests for an honour: its score and rank, and those of its cadres who may be nominated too.</summary>
public sealed record HonourCandidate(string UnitId, string UnitName, UnitKind UnitKind, decimal Score, int Rank, int Ranked, string Reason, bool Nominated,
    IReadOnlyList<CadreCandidate> Cadres);

public sealed record CadreCandidate(string CadreId, string Name, string Post, string Reason);

/// <summary>
/// 表彰激励: nominating from the record (the year's score and rank, no accountability decided in the year), deciding by a
/// leader, and the praise bulletin of the year's awarded honours, drafted through the bulletin feature.
/// </summary>
public sealed class HonourWorkflow(AppDb db, TimeProvider clock, CurrentUser user, Scoring scoring, BulletinWorkflow bulletins)
{
    public const string DefaultTitle = "效能示范岗";
    public const int MaxCandidates = 50;

    public bool CanNominate => user.IsIn(Roles.Supervisor, Roles.Admin);
    public bool CanDecide => user.IsIn(Roles.Leader, Roles.Admin);

    private DateTimeOffset Now => clock.GetUtcNow();

    public static string TitleOf(string? title) => string.IsNullOrWhiteSpace(title) ? DefaultTitle : title.Trim();

    public async Task<List<Honour>> ListAsync(int year, HonourStatus? status, CancellationToken ct)
    {
        var q = db.Set<Honour>().AsNoTracking().Where(h => h.Year == year);
        if (status is { } s)
        {
            q = q.Where(h => h.Status == s);
        }
        return (await q.ToListAsync(ct)).OrderBy(h => h.Status).ThenByDescending(h => h.NominatedAt).ToList();
    }

    public async Task<Honour> LoadAsync(string id, CancellationToken ct)
        => await db.Set<Honour>().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("表彰");

    /// <summary>The units with the best scores of the year and no accountability decided in it, with their cadres who have none either.</summary>
    public async Task<List<HonourCandidate>> CandidatesAsync(int year, string? title, int take, CancellationToken ct)
    {
        var board = await scoring.YearAsync(year, ct);
        var record = await RecordAsync(year, ct);
        var name = TitleOf(title);
        var nominated = (await db.Set<Honour>().AsNoTracking().Where(h => h.Year == year && h.Title == name && h.Status != HonourStatus.Declined)
            .Select(h => new { h.UnitId, h.CadreId }).ToListAsync(ct)).Select(h => (h.UnitId, h.CadreId)).ToHashSet();
        var units = board.Units.Where(u => record.Blocks(u.UnitId, null) is null).Take(Math.Clamp(take, 1, MaxCandidates)).ToList();
        var unitIds = units.Select(u => u.UnitId).ToList();
        var cadres = (await db.Cadres.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.IsActive).ToListAsync(ct)).ToLookup(c => c.UnitId);
        return units.Select(u => new HonourCandidate(u.UnitId, u.UnitName, u.UnitKind, u.Score, u.Rank, board.Units.Count, UnitReason(board, u.UnitId, u.UnitName),
                nominated.Contains((u.UnitId, null)),
                cadres[u.UnitId].Where(c => record.Blocks(u.UnitId, c.Id) is null && !nominated.Contains((u.UnitId, c.Id)))
                    .OrderByDescending(c => c.Rank).ThenBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c => new CadreCandidate(c.Id, c.Name, c.Post, CadreReason(board, u.UnitId, c))).ToList()))
            .ToList();
    }

    /// <summary>提名: refused for a unit or cadre with accountability decided in the year, and for a nominee already nominated.</summary>
    public async Task<Honour> NominateAsync(NominateHonourRequest r, CancellationToken ct)
    {
        if (!CanNominate)
        {
            throw new ForbiddenException("只有督查人员或管理员可以提名表彰");
        }
        var year = r.Year!.Value;
        if (!scoring.Covers(year))
        {
            throw new RuleException("honour.bad_year", $"表彰年度应为{Scoring.FirstYear}年至今年之间的年份", StatusCodes.Status400BadRequest);
        }
        var title = TitleOf(r.Title);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == r.UnitId, ct)
            ?? throw new RuleException("honour.unknown_unit", "所选单位不存在", StatusCodes.Status400BadRequest);
        if (!unit.IsActive || Unit.IsArea(unit.Kind))
        {
            throw new RuleException("honour.unit_not_eligible", $"{unit.Name}不参加综合考核，不能提名表彰", StatusCodes.Status400BadRequest);
        }
        var cadre = await NomineeCadreAsync(r, unit, ct);
        var nominee = cadre is null ? unit.Name : $"{unit.Name}{cadre.Name}";
        var record = await RecordAsync(year, ct);
        if (record.Blocks(unit.Id, cadre?.Id) is { } why)
        {
            throw new RuleException("honour.accountability", $"{nominee}{year}年度有问责决定（{why}），不能提名表彰", StatusCodes.Status409Conflict);
        }
        var cadreId = cadre?.Id;
        var existing = await db.Set<Honour>().AsNoTracking()
            .FirstOrDefaultAsync(h => h.Year == year && h.Title == title && h.UnitId == unit.Id && h.CadreId == cadreId && h.Status != HonourStatus.Declined, ct);
        if (existing is not null)
        {
            throw new RuleException("honour.duplicate", $"{nominee}已被提名{year}年度“{title}”（{Honour.Label(existing.Status)}），不能重复提名", StatusCodes.Status409Conflict);
        }
        var board = await scoring.YearAsync(year, ct);
        var reason = cadre is null ? UnitReason(board, unit.Id, unit.Name) : CadreReason(board, unit.Id, cadre);
        if (!string.IsNullOrWhiteSpace(r.Reason))
        {
            reason += "推荐理由：" + r.Reason.Trim();
        }
        var honour = new Honour
        {
            Id = Ids.New(), Year = year, Title = title, NomineeType = r.NomineeType!.Value, UnitId = unit.Id, CadreId = cadreId, Reason = reason,
            NominatedBy = user.Id, NominatedByName = user.DisplayName, NominatedAt = Now,
        };
        db.Add(honour);
        db.PendingAction = "honour.nominate";
        await db.SaveChangesAsync(ct);
        return honour;
    }

    /// <summary>审定表彰 by a leader; an accountability decision that came after the nomination still bars it.</summary>
    public async Task<Honour> AwardAsync(string id, DecideHonourRequest r, CancellationToken ct)
    {
        EnsureDecider();
        var honour = await LoadAsync(id, ct);
        if (honour.Status == HonourStatus.Nominated && (await RecordAsync(honour.Year, ct)).Blocks(honour.UnitId, honour.CadreId) is { } why)
        {
            throw new RuleException("honour.accountability", $"被提名对象{honour.Year}年度有问责决定（{why}），不能表彰", StatusCodes.Status409Conflict);
        }
        honour.Award(user.Id, user.DisplayName, Now, r.Note);
        db.PendingAction = "honour.award";
        await db.SaveChangesAsync(ct);
        return honour;
    }

    /// <summary>不予表彰, with the reason.</summary>
    public async Task<Honour> DeclineAsync(string id, DecideHonourRequest r, CancellationToken ct)
    {
        EnsureDecider();
        var honour = await LoadAsync(id, ct);
        honour.Decline(user.Id, user.DisplayName, Now, r.Note);
        db.PendingAction = "honour.decline";
        await db.SaveChangesAsync(ct);
        return honour;
    }

    /// <summary>
    /// 表扬通报: one draft 通报表扬 naming every honour of the year awarded and not yet announced (this one included), drafted
    /// through the bulletin feature and recorded on each honour, in one transaction.
    /// </summary>
    public async Task<(Bulletin Bulletin, List<Honour> Honours)> AnnounceAsync(string id, CancellationToken ct)
    {
        if (!CanNominate)
        {
            throw new ForbiddenException("只有督查人员或管理员可以拟制表扬通报");
        }
        var honour = await LoadAsync(id, ct);
        if (honour.Status != HonourStatus.Awarded)
        {
            throw new RuleException("honour.not_awarded", "只有已审定的表彰才能起草表扬通报", StatusCodes.Status409Conflict);
        }
        if (honour.BulletinId is not null)
        {
            throw new RuleException("honour.announced", "该表彰已起草表扬通报，请在通报中查看", StatusCodes.Status409Conflict);
        }
        var year = honour.Year;
        var awarded = (await db.Set<Honour>().Where(h => h.Year == year && h.Status == HonourStatus.Awarded && h.BulletinId == null).ToListAsync(ct))
            .OrderBy(h => h.Title, StringComparer.Ordinal).ThenBy(h => h.NomineeType).ThenBy(h => h.DecidedAt).ToList();
        var names = await NamesAsync(awarded, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var titles = awarded.Select(h => h.Title).Distinct().ToList();
        var bulletin = await bulletins.ComposeAsync(new ComposeBulletinRequest
        {
            Kind = BulletinKind.Praise,
            Title = titles.Count == 1 ? $"关于对{year}年度“{titles[0]}”予以通报表扬的通报" : $"关于对{year}年度“{titles[0]}”等先进予以通报表扬的通报",
            Recipients = "各乡镇人民政府、街道办事处，县直各部门",
            Body = PraiseBody(year, awarded, names),
        }, ct);
        foreach (var h in awarded)
        {
            h.Announce(bulletin.Id);
        }
        db.PendingAction = "honour.announce";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("honour.announced", "表扬通报已由他人拟制，请刷新后查看", StatusCodes.Status409Conflict);
        }
        await tx.CommitAsync(ct);
        return (bulletin, awarded);
    }

    /// <summary>Unit and cadre names of the honours, for views and the bulletin.</summary>
    public async Task<HonourNames> NamesAsync(IReadOnlyCollection<Honour> honours, CancellationToken ct)
    {
        var unitIds = honours.Select(h => h.UnitId).Distinct().ToList();
        var cadreIds = honours.Where(h => h.CadreId != null).Select(h => h.CadreId!).Distinct().ToList();
        return new HonourNames(
            await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct),
            await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct));
    }

    private static string PraiseBody(int year, IReadOnlyList<Honour> awarded, HonourNames names)
    {
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"为树立先进典型、激励担当作为，根据{year}年度综合考核结果，经研究审定，决定对以下单位和个人予以通报表扬：\n");
        const string numerals = "一二三四五六七八九十";
        foreach (var (group, index) in awarded.GroupBy(h => h.Title).Select((g, i) => (g, i)))
        {
            var numeral = index < numerals.Length ? numerals.Substring(index, 1) : (index + 1).ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"{numeral}、{group.Key}\n");
            var n = 0;
            foreach (var h in group)
            {
                body.Append(CultureInfo.InvariantCulture, $"{++n}. {names.Of(h)}\n");
            }
        }
        return body.Append("希望受到表扬的单位和个人珍惜荣誉、再接再厉；各单位要以先进为榜样，持续改进作风、提升效能。").ToString();
    }

    private void EnsureDecider()
    {
        if (!CanDecide)
        {
            throw new ForbiddenException("只有领导或管理员可以审定表彰");
        }
    }

    private async Task<Cadre?> NomineeCadreAsync(NominateHonourRequest r, Unit unit, CancellationToken ct)
    {
        if (r.NomineeType == HonourNominee.Unit)
        {
            return string.IsNullOrWhiteSpace(r.CadreId)
                ? null
                : throw new RuleException("honour.cadre_for_unit", "表彰对象为单位时不填写干部；表彰干部请选择“干部”", StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrWhiteSpace(r.CadreId))
        {
            throw new RuleException("honour.cadre_required", "表彰对象为干部时请选择受表彰的干部", StatusCodes.Status400BadRequest);
        }
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CadreId, ct)
            ?? throw new RuleException("honour.unknown_cadre", "所选干部不存在", StatusCodes.Status400BadRequest);
        if (cadre.UnitId != unit.Id || !cadre.IsActive)
        {
            throw new RuleException("honour.cadre_unit", $"{cadre.Name}不是{unit.Name}的在册干部", StatusCodes.Status400BadRequest);
        }
        return cadre;
    }

    private static string UnitReason(ScoreBoard board, string unitId, string unitName)
        => $"{unitName}{Standing(board, unitId)}；{board.Year}年度无问责决定。";

    private static string CadreReason(ScoreBoard board, string unitId, Cadre cadre)
        => $"{cadre.Name}（{cadre.Post}）所在单位{Standing(board, unitId)}；本人及所在单位{board.Year}年度无问责决定。";

    private static string Standing(ScoreBoard board, string unitId)
        => board.For(unitId) is { } s
            ? $"{board.Year}年度综合考核得分{Scoring.Points(s.Score)}分，在{board.Units.Count}个单位中排名第{s.Rank}名"
            : $"不参加{board.Year}年度综合考核排名";

    /// <summary>Accountability decided in the year (as counted by the score): on units and on cadres, with the unit each cadre is in.</summary>
    private async Task<AccountabilityRecord> RecordAsync(int year, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.At(new DateOnly(year, 1, 1), TimeOnly.MinValue), ChinaTime.At(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));
        var cases = await db.Set<AccountabilityCase>().AsNoTracking()
            .Where(c => (c.Status == AccountabilityStatus.Decided || (c.Status == AccountabilityStatus.Closed && c.Decision != null))
                && c.DecidedAt >= start && c.DecidedAt < end)
            .ToListAsync(ct);
        var cadreIds = cases.Where(c => c.CadreId != null).Select(c => c.CadreId!).ToList();
        var cadreUnits = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);
        return new AccountabilityRecord(cases, cadreUnits);
    }

    /// <summary>The year's decided accountability cases, asked whether one bars a unit (on itself or one of its cadres) or a cadre.</summary>
    private sealed record AccountabilityRecord(IReadOnlyList<AccountabilityCase> Cases, IReadOnlyDictionary<string, string> CadreUnits)
    {
        public string? Blocks(string unitId, string? cadreId)
        {
            var hit = Cases.FirstOrDefault(c => cadreId is null
                ? (c.SubjectType == AccountabilitySubject.Unit && c.UnitId == unitId) || (c.CadreId is { } k && CadreUnits.GetValueOrDefault(k) == unitId)
                : c.CadreId == cadreId || (c.HeadId == cadreId && c.HeadForms != null) || (c.DeputyId == cadreId && c.DeputyForms != null));
            return hit is null ? null
                : $"{hit.DecidedAt!.Value.CstDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}作出问责决定：{Short(hit.Decision ?? hit.Facts)}";
        }

        private static string Short(string s) => s.Length > 30 ? s[..30] + "…" : s;
    }
}

/// <summary>The names an honour is shown with.</summary>
public sealed record HonourNames(IReadOnlyDictionary<string, string> Units, IReadOnlyDictionary<string, Cadre> Cadres)
{
    public string Unit(Honour h) => Units.GetValueOrDefault(h.UnitId, h.UnitId);

    public string? Cadre(Honour h) => h.CadreId is { } id && Cadres.TryGetValue(id, out var c) ? c.Name : null;

    /// <summary>The nominee as the list and the bulletin name it: the unit, or the cadre with post and unit.</summary>
    public string Of(Honour h) => h.CadreId is { } id && Cadres.TryGetValue(id, out var c) ? $"{Unit(h)}{c.Post}{c.Name}" : Unit(h);
}
