using System.Text;
using System.Text.RegularExpressions;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Replies;

/// <summary>The three things the reply check looks for. Each flag is advice to the writer and to supervision, never a block.</summary>
public static class ReplyFlagCodes
{
    /// <summary>雷同答复: almost word for word an earlier reply of the unit to a different request.</summary>
    public const string Copied = "copied";
    /// <summary>答非所问: shares too little of what the request is about.</summary>
    public const string OffTopic = "off-topic";
    /// <summary>空头承诺: promises without a result, a date or a person to ask.</summary>
    public const string EmptyPromise = "empty-promise";

    public static readonly IReadOnlyList<string> All = [Copied, OffTopic, EmptyPromise];

    public static string Label(string code) => code switch
    {
        Copied => "雷同答复",
        OffTopic => "答非所问",
        EmptyPromise => "空头承诺",
        _ => code,
    };
}

/// <summary>One finding of the check: the code, its Chinese label, why, and for a copied reply the earlier case it repeats.</summary>
public sealed record ReplyFlagFinding(string Code, string Label, string Detail, string? SimilarCaseId = null, string? SimilarCaseNumber = null);

/// <summary>An earlier reply of the same unit: its case, the case's number, and the reply text.</summary>
public sealed record EarlierReply(string CaseId, string Number, string Reply)
{
    /// <summary>The reply's shingles, worked out once however often the reply is compared.</summary>
    internal HashSet<ulong> Shingles => field ??= ReplyCheck.Shingles(Reply);
}

/// <summary>
/// 答复质量检查. All rules and thresholds live here so they can be read and explained:
/// <list type="bullet">
/// <item>雷同答复: the reply's character 4-gram shingles overlap an earlier reply's by Jaccard ≥ <see cref="CopyJaccard"/>
/// while the two requests share less than <see cref="SameRequest"/> of their key terms (overlap coefficient: a repeat of the
/// same matter may well get the same answer).</item>
/// <item>答非所问: of the request's key terms (character bigrams of its title and opening, without stop characters and
/// the words every request uses) fewer than <see cref="MinCoverage"/> appear in the reply once the quoted title is taken out.</item>
/// <item>空头承诺: a promise word (将、会、尽快、积极、协调、研究 …) and no sign of a result done, no date or time limit, and no
/// person or telephone to ask.</item>
/// </list>
/// </summary>
public static class ReplyCheck
{
    public const double CopyJaccard = 0.4;
    public const double SameRequest = 0.3;
    public const double MinCoverage = 0.025;
    /// <summary>How many of the unit's most recent replies are compared.</summary>
    public const int EarlierLimit = 2000;
    private const int Shingle = 4;
    /// <summary>The reply and request text looked at (a longer text adds little to the rules and costs time).</summary>
    private const int MaxChars = 4000;
    private const int RequestChars = 600;

    public static IReadOnlyList<ReplyFlagFinding> Check(string requestTitle, string requestContent, string reply,
        IEnumerable<EarlierReply> earlier, Func<string, string?>? requestOf = null)
    {
        var flags = new List<ReplyFlagFinding>();
        if (string.IsNullOrWhiteSpace(reply))
        {
            return flags;
        }
        if (FindCopy(requestTitle + "\n" + requestContent, reply, earlier, requestOf) is { } copy)
        {
            flags.Add(copy);
        }
        if (OffTopic(requestTitle, requestContent, reply) is { } off)
        {
            flags.Add(off);
        }
        if (EmptyPromise(reply) is { } empty)
        {
            flags.Add(empty);
        }
        return flags;
    }

    /// <summary>
    /// The earlier reply this one repeats, if any: the most similar by shingle Jaccard at or above the threshold whose request is
    /// not alike (<paramref name="requestOf"/> gives an earlier case's request text; without it every earlier request counts as different).
    /// </summary>
    public static ReplyFlagFinding? FindCopy(string request, string reply, IEnumerable<EarlierReply> earlier, Func<string, string?>? requestOf)
    {
        var candidates = CopyCandidates(reply, earlier).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var mine = Shingles(reply);
        foreach (var e in candidates)
        {
            var score = TextLikeness.Jaccard(mine, e.Shingles);
            var other = requestOf?.Invoke(e.CaseId);
            if (other is not null && RequestOverlap(request, other) >= SameRequest)
            {
                continue; // the same matter asked again: the same answer is no copy
            }
            return new ReplyFlagFinding(ReplyFlagCodes.Copied, ReplyFlagCodes.Label(ReplyFlagCodes.Copied),
                $"与本单位此前对另一诉求（工单 {e.Number}）的答复文字重合约{Math.Round(score * 100)}%，请结合本件情况答复", e.CaseId, e.Number);
        }
        return null;
    }

    /// <summary>The earlier replies at or above the copy threshold, most similar first.</summary>
    public static IEnumerable<EarlierReply> CopyCandidates(string reply, IEnumerable<EarlierReply> earlier)
    {
        var mine = Shingles(reply);
        if (mine.Count < 3)
        {
            return [];
        }
        var found = new List<(EarlierReply Reply, double Score)>();
        foreach (var e in earlier)
        {
            var score = TextLikeness.Jaccard(mine, e.Shingles);
            if (score >= CopyJaccard)
            {
                found.Add((e, score));
            }
        }
        return found.OrderByDescending(x => x.Score).Select(x => x.Reply);
    }

    /// <summary>How much two requests are about the same matter: shared key terms over the smaller set's size.</summary>
    public static double RequestOverlap(string a, string b)
    {
        var x = KeyTerms("", a).ToHashSet();
        var y = KeyTerms("", b).ToHashSet();
        return x.Count == 0 || y.Count == 0 ? 0 : (double)x.Count(y.Contains) / Math.Min(x.Count, y.Count);
    }

    /// <summary>The share of the request's key terms the reply uses (the quoted title taken out); null when there is too little to judge by.</summary>
    public static double? Coverage(string title, string content, string reply)
    {
        var keys = KeyTerms(title, content);
        if (keys.Count < 4)
        {
            return null;
        }
        var grams = Bigrams(Normalize(RemoveQuotedTitle(reply, title), MaxChars));
        return (double)keys.Count(grams.Contains) / keys.Count;
    }

    public static ReplyFlagFinding? OffTopic(string title, string content, string reply)
    {
        if (Coverage(title, content, reply) is not { } coverage || coverage >= MinCoverage)
        {
            return null;
        }
        var grams = Bigrams(Normalize(RemoveQuotedTitle(reply, title), MaxChars));
        var sample = string.Join("、", KeyTerms(title, content).Where(k => !grams.Contains(k)).Take(6));
        return new ReplyFlagFinding(ReplyFlagCodes.OffTopic, ReplyFlagCodes.Label(ReplyFlagCodes.OffTopic),
            $"答复只涉及诉求要点的{Math.Round(coverage * 100)}%，未回应“{sample}”等内容，请对照诉求逐项答复");
    }

    public static ReplyFlagFinding? EmptyPromise(string reply)
    {
        var text = reply.Length > MaxChars ? reply[..MaxChars] : reply;
        var promise = PromiseWords.Match(text);
        if (!promise.Success)
        {
            return null;
        }
        var missing = new List<string>();
        if (!HasResult(text))
        {
            missing.Add("办理结果");
        }
        if (!HasDate(text))
        {
            missing.Add("完成时限");
        }
        if (!ContactWords.IsMatch(text))
        {
            missing.Add("责任人或联系电话");
        }
        if (missing.Count < 3)
        {
            return null;
        }
        return new ReplyFlagFinding(ReplyFlagCodes.EmptyPromise, ReplyFlagCodes.Label(ReplyFlagCodes.EmptyPromise),
            $"答复有“{promise.Value}”等承诺，但未写明{string.Join("、", missing)}，请写清办成了什么、何时办结、由谁负责");
    }

    // ---- the words the rules look for ----

    /// <summary>A promise of future work.</summary>
    private static readonly Regex PromiseWords = new(
        "尽快|尽早|积极|协调|研究|督促|加强|加大|进一步|争取|适时|逐步|拟|认真考虑|下一步|今后|计划" +
        "|将(?:进行|加|对|组织|安排|继续|按|依|督|协|研|适|逐|持续|认真|予以|根据|结合|在|着手|会)|会(?:同|尽|继续|加|认真|积极|结合)",
        RegexOptions.Compiled);

    /// <summary>
    /// A result: something already done, found or decided about the matter. Having received, read, collected or passed the
    /// message on is no result.
    /// </summary>
    private static readonly Regex ResultWords = new(
        "已(?:经)?(?!收悉|收到|转|交|阅|获悉|知悉|收集|记录|登记|做好)|完成了|完毕|竣工|建成|整改到位|经(?:调查|核实|核查|查|了解|现场)|据(?:查|了解|调查|核实)" +
        "|调查(?:发现|核实|了解)|现场(?:查看|核实|勘查|踏勘)|属实|责令|勒令|下达|约谈|清理|拆除|处罚|罚款|立案|根据《|按照《",
        RegexOptions.Compiled);

    /// <summary>A date or a time limit.</summary>
    private static readonly Regex DateWords = new(
        "\\d{1,4}\\s*年\\s*\\d{1,2}\\s*月|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{1,2}\\s*月(?:底|中旬|上旬|下旬|份|前)|年底|月底|年内|\\d+\\s*个?\\s*(?:工作日|日|天|周|个月)(?:内|之内|以内)|本周|本月内|近期内|限期",
        RegexOptions.Compiled);

    /// <summary>A person or telephone the reporter can ask.</summary>
    private static readonly Regex ContactWords = new(
        "\\d{7,}|\\d{3,4}-\\d{7,8}|电话|联系人|负责人|责任人|[\\u4e00-\\u9fff](?:同志|主任|局长|科长|所长|站长|书记|经理|队长)",
        RegexOptions.Compiled);

    private static bool HasResult(string text) => ResultWords.IsMatch(text);

    /// <summary>A full date that ends the text or a part of it (the reply's own signature date) is no time limit.</summary>
    private static readonly Regex SignatureDate = new("\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?=$|[“\"网尊您来亲市各]|[A-Za-z])", RegexOptions.Compiled);

    private static bool HasDate(string text) => DateWords.IsMatch(SignatureDate.Replace(text, " "));

    /// <summary>Characters that carry no subject on their own (particles, pronouns, polite and procedural words).</summary>
    private static readonly HashSet<char> StopChars = [.. "的了是在和与及或也都而就把被对向从为以于之其这那此个些么吗呢吧啊呀我你您他她它们有没不要能可请问"];

    /// <summary>Bigrams every request and every reply use (greetings, the platform, asking for help).</summary>
    private static readonly HashSet<string> CommonBigrams =
    [
        "领导", "部门", "相关", "有关", "反映", "问题", "希望", "解决", "情况", "谢谢", "感谢", "处理", "政府", "市民", "网友", "留言", "回复", "答复", "工作",
        "现在", "目前", "已经", "一直", "多次", "如何", "怎么", "什么", "为什么", "这样", "时候", "今年", "去年", "每天", "严重", "影响", "生活", "百姓", "老百姓",
        "重视", "关注", "支持", "尽快", "给予", "还是", "但是", "因为", "所以", "如果", "进行", "出现", "存在", "知道", "告诉", "作为", "一个", "大家", "非常",
        "你好", "您好", "书记", "市长", "区长", "县长", "主任", "市委", "西地", "地省", "问政",
    ];

    /// <summary>The request's key terms: distinct bigrams of its title and opening, without stop characters and common words.</summary>
    public static IReadOnlyList<string> KeyTerms(string title, string content)
    {
        var text = Normalize(title, 200) + "\n" + Normalize(content, RequestChars);
        var keys = new List<string>();
        var seen = new HashSet<string>();
        foreach (var gram in BigramList(text))
        {
            if (StopChars.Contains(gram[0]) || StopChars.Contains(gram[1]) || CommonBigrams.Contains(gram) || !IsHan(gram[0]) || !IsHan(gram[1]))
            {
                continue;
            }
            if (seen.Add(gram))
            {
                keys.Add(gram);
            }
        }
        return keys;
    }

    /// <summary>Drops the request's title where the reply repeats it (“关于您反映的……问题”), so quoting it does not count as answering.</summary>
    private static string RemoveQuotedTitle(string reply, string title)
    {
        var t = title.Trim();
        return t.Length >= 4 ? reply.Replace(t, " ", StringComparison.Ordinal) : reply;
    }

    // ---- text helpers ----

    /// <summary>Chinese characters and ASCII letters/digits (full-width folded, lower case); every other character becomes a break.</summary>
    public static string Normalize(string text, int max)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max));
        foreach (var raw in text)
        {
            if (sb.Length >= max)
            {
                break;
            }
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (IsHan(c) || char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }
        return sb.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Character 4-gram shingles of the reply with breaks removed, as packed 64-bit keys.</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        var s = Normalize(text, MaxChars).Replace(" ", "", StringComparison.Ordinal);
        var set = new HashSet<ulong>();
        for (var i = 0; i + Shingle <= s.Length; i++)
        {
            ulong key = 0;
            for (var k = 0; k < Shingle; k++)
            {
                key = (key << 16) | s[i + k];
            }
            set.Add(key);
        }
        return set;
    }

    private static IEnumerable<string> BigramList(string normalized)
    {
        for (var i = 0; i + 2 <= normalized.Length; i++)
        {
            if (normalized[i] != ' ' && normalized[i + 1] != ' ')
            {
                yield return normalized.Substring(i, 2);
            }
        }
    }

    private static HashSet<string> Bigrams(string normalized) => [.. BigramList(normalized)];
}
