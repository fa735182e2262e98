using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>Configurable rules of 评议 (section "Evaluations").</summary>
public sealed class EvaluationRules
{
    /// <summary>A score at or above this is 满意.</summary>
    [Range(0, 100)] public double SatisfiedAtLeast { get; set; } = 85;

    /// <summary>A score below this is 不满意; between the two it is 基本满意.</summary>
    [Range(0, 100)] public double UnsatisfiedBelow { get; set; } = 60;

    [Range(1, 5000)] public int MaxBallotsPerIssue { get; set; } = 1000;
}

public sealed record UnitScore(string UnitId, double Score, int Votes, SatisfactionLevel Verdict);

/// <summary>
/// 评议 from creation to results. Admin creates, opens, issues ballots and closes; raters vote anonymously
/// with one-time codes; closing fixes the scores, verdicts and consequences.
/// </summary>
public sealed partial class EvaluationWorkflow(AppDb db, TimeProvider clock, IOptions<EvaluationRules> options)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private DateTimeOffset Now => clock.GetUtcNow();
    private EvaluationRules Rules => options.Value;

    public async Task<EvaluationCampaign> CreateAsync(CreateCampaignRequest r, CancellationToken ct)
    {
        var unitIds = r.UnitIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            throw new RuleException("evaluation.no_units", "请至少选择一个被评议单位", 400);
        }
        if (await db.Units.CountAsync(u => unitIds.Contains(u.Id), ct) != unitIds.Count)
        {
            throw new RuleException("evaluation.unknown_unit", "被评议单位不存在", 400);
        }
        var groups = r.Groups.Select(g => (g.Group, g.Weight)).ToList();
        if (groups.Count == 0 || groups.Select(g => g.Group).Distinct().Count() != groups.Count)
        {
            throw new RuleException("evaluation.bad_groups", "请设置评议群体，每个群体只能出现一次", 400);
        }
        var campaign = new EvaluationCampaign { Id = Ids.New(), Name = r.Name.Trim(), Year = r.Year, CreatedAt = Now };
        db.Add(campaign);
        db.AddRange(unitIds.Select(u => new CampaignUnit { Id = Ids.New(), CampaignId = campaign.Id, UnitId = u }));
        db.AddRange(groups.Select(g => new CampaignGroup { Id = Ids.New(), CampaignId = campaign.Id, Group = g.Group, Weight = g.Weight }));
        db.PendingAction = "evaluation.create";
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<EvaluationCampaign> LoadAsync(string id, CancellationToken ct)
        => await db.Set<EvaluationCampaign>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("评议");

    public Task<List<EvaluationCampaign>> ListAsync(CancellationToken ct)
        => db.Set<EvaluationCampaign>().AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt).ToListAsync(ct);

    public Task<List<CampaignUnit>> UnitsAsync(string campaignId, CancellationToken ct)
        => db.Set<CampaignUnit>().AsNoTracking().Where(u => u.CampaignId == campaignId).ToListAsync(ct);

    public Task<List<CampaignGroup>> GroupsAsync(string campaignId, CancellationToken ct)
        => db.Set<CampaignGroup>().AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(ct);

    public async Task<EvaluationCampaign> OpenAsync(string id, CancellationToken ct)
    {
        var campaign = await LoadAsync(id, ct);
        campaign.Open(Now);
        db.PendingAction = "evaluation.open";
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>Issues <c>count</c> one-time codes for a group. The codes are returned here once and never stored.</summary>
    public async Task<List<string>> IssueBallotsAsync(string id, IssueBallotsRequest r, CancellationToken ct)
    {
        var campaign = await LoadAsync(id, ct);
        campaign.EnsureBallotsMayBeIssued();
        if (r.Count < 1 || r.Count > Rules.MaxBallotsPerIssue)
        {
            throw new RuleException("evaluation.bad_count", $"每次发放评议票数量应为1至{Rules.MaxBallotsPerIssue}张", 400);
        }
        var group = r.Group;
        if (!await db.Set<CampaignGroup>().AnyAsync(g => g.CampaignId == id && g.Group == group, ct))
        {
            throw new RuleException("evaluation.group_not_in_campaign", $"本次评议未设置“{EvaluationCampaign.Label(group)}”群体", 400);
        }
        var codes = Enumerable.Range(0, r.Count).Select(_ => NewCode()).ToList();
        db.AddRange(codes.Select(code => new Ballot { Id = Ids.New(), CampaignId = id, Group = group, CodeHash = Hash(code), IssuedAt = Now }));
        db.PendingAction = "evaluation.issue-ballots";
        await db.SaveChangesAsync(ct);
        return codes;
    }

    public async Task<(Ballot Ballot, EvaluationCampaign Campaign)> FindBallotAsync(string code, CancellationToken ct)
    {
        var hash = Hash(code);
        var ballot = await db.Set<Ballot>().FirstOrDefaultAsync(b => b.CodeHash == hash, ct) ?? throw new NotFoundException("评议码");
        return (ballot, await LoadAsync(ballot.CampaignId, ct));
    }

    /// <summary>投票: once per code, only while the campaign is open. A concurrent second use fails on the ballot's version.</summary>
    public async Task CastAsync(string code, CastBallotRequest r, CancellationToken ct)
    {
        var (ballot, campaign) = await FindBallotAsync(code, ct);
        campaign.EnsureOpenForVoting();
        ballot.Cast(Now);
        var units = (await UnitsAsync(campaign.Id, ct)).Select(u => u.UnitId).ToHashSet();
        if (r.Ratings.Count == 0 || r.Ratings.Select(x => x.UnitId).Distinct().Count() != r.Ratings.Count)
        {
            throw new RuleException("ballot.bad_ratings", "请对每个单位评议一次", 400);
        }
        foreach (var rating in r.Ratings)
        {
            if (!units.Contains(rating.UnitId))
            {
                throw new RuleException("ballot.unknown_unit", "被评议单位不在本次评议范围内", 400);
            }
            db.Add(new BallotRating
            {
                Id = Ids.New(), BallotId = ballot.Id, CampaignId = campaign.Id, UnitId = rating.UnitId, Group = ballot.Group, Level = rating.Level,
            });
        }
        db.PendingAction = "evaluation.cast";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("ballot.used", "此评议码已使用，每个评议码只能投票一次", 409);
        }
    }

    /// <summary>结束评议: fixes each unit's weighted score and verdict, then the consequences.</summary>
    public async Task<EvaluationCampaign> CloseAsync(string id, CancellationToken ct)
    {
        var campaign = await LoadAsync(id, ct);
        campaign.Close(Now);
        var scores = await ScoresAsync(campaign.Id, ct);
        db.AddRange(scores.Select(s => new EvaluationResult { Id = Ids.New(), CampaignId = id, UnitId = s.UnitId, Score = s.Score, Votes = s.Votes, Verdict = s.Verdict }));
        db.AddRange(await ConsequencesAsync(campaign, scores, ct));
        db.PendingAction = "evaluation.close";
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<(List<EvaluationResult> Results, List<EvaluationConsequence> Consequences)> ResultsAsync(string id, CancellationToken ct)
    {
        var campaign = await LoadAsync(id, ct);
        campaign.EnsureResultsFixed();
        var results = await db.Set<EvaluationResult>().AsNoTracking().Where(x => x.CampaignId == id).ToListAsync(ct);
        var consequences = await db.Set<EvaluationConsequence>().AsNoTracking().Where(x => x.CampaignId == id).ToListAsync(ct);
        return (results.OrderByDescending(x => x.Score).ToList(), consequences);
    }

    /// <summary>
    /// Per unit: the mean points (满意 100, 基本满意 60, 不满意 0) within each group, then the weighted mean over the
    /// groups that voted, so a group that cast no ballots does not pull the score to zero.
    /// </summary>
    private async Task<List<UnitScore>> ScoresAsync(string campaignId, CancellationToken ct)
    {
        var weights = (await GroupsAsync(campaignId, ct)).ToDictionary(g => g.Group, g => g.Weight);
        var ratings = await db.Set<BallotRating>().AsNoTracking().Where(x => x.CampaignId == campaignId).ToListAsync(ct);
        var scores = new List<UnitScore>();
        foreach (var unit in await UnitsAsync(campaignId, ct))
        {
            var byGroup = ratings.Where(x => x.UnitId == unit.UnitId).GroupBy(x => x.Group)
                .Select(g => (Weight: weights.GetValueOrDefault(g.Key), Mean: g.Average(x => EvaluationCampaign.Points(x.Level)), Count: g.Count()))
                .Where(g => g.Weight > 0).ToList();
            var totalWeight = byGroup.Sum(g => g.Weight);
            var score = totalWeight == 0 ? 0 : Math.Round(byGroup.Sum(g => g.Weight * g.Mean) / totalWeight, 2);
            scores.Add(new UnitScore(unit.UnitId, score, byGroup.Sum(g => g.Count), Verdict(score)));
        }
        return scores;
    }

    public SatisfactionLevel Verdict(double score)
        => score >= Rules.SatisfiedAtLeast ? SatisfactionLevel.Satisfied
            : score < Rules.UnsatisfiedBelow ? SatisfactionLevel.Unsatisfied
            : SatisfactionLevel.Basic;

    /// <summary>满意 → 通报表扬; 不满意 this year and in the previous year's closed campaign → head 建议免职, deputy 建议问责.</summary>
    private async Task<List<EvaluationConsequence>> ConsequencesAsync(EvaluationCampaign campaign, List<UnitScore> scores, CancellationToken ct)
    {
        var lastYear = await db.Set<EvaluationCampaign>().AsNoTracking()
            .Where(c => c.Year == campaign.Year - 1 && c.Status == CampaignStatus.Closed).Select(c => c.Id).ToListAsync(ct);
        var unsatisfiedLastYear = (await db.Set<EvaluationResult>().AsNoTracking()
            .Where(x => lastYear.Contains(x.CampaignId) && x.Verdict == SatisfactionLevel.Unsatisfied).Select(x => x.UnitId).ToListAsync(ct)).ToHashSet();
        var unitIds = scores.Select(s => s.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var list = new List<EvaluationConsequence>();
        EvaluationConsequence Make(string unitId, string? cadreId, string kind, string reason)
            => new() { Id = Ids.New(), CampaignId = campaign.Id, UnitId = unitId, CadreId = cadreId, Kind = kind, Reason = reason };
        foreach (var s in scores)
        {
            if (s.Verdict == SatisfactionLevel.Satisfied)
            {
                list.Add(Make(s.UnitId, null, EvaluationConsequence.Praise, $"{campaign.Year}年度评议满意（{s.Score:0.##}分）"));
            }
            else if (s.Verdict == SatisfactionLevel.Unsatisfied && unsatisfiedLastYear.Contains(s.UnitId))
            {
                var reason = $"{campaign.Year - 1}、{campaign.Year}年度评议连续不满意";
                var unit = units[s.UnitId];
                list.Add(Make(s.UnitId, unit.HeadId, EvaluationConsequence.Removal, reason + "，主要负责人"));
                list.Add(Make(s.UnitId, unit.DeputyId, EvaluationConsequence.Accountability, reason + "，分管负责人"));
            }
        }
        return list;
    }

    public static string Hash(string code)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    private static string Normalize(string code) => code.Trim().Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string NewCode()
    {
        var raw = new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 12)); // 60 bits: not guessable
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }
}
