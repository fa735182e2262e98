using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Zhengfeng.Features.Cases;

/// <summary>What the index holds of a case: its text never changes after intake, so a case is indexed once.</summary>
public sealed record CaseDoc(string Id, string Title, string Content, string? Address, string CategoryCode, DateTimeOffset RegisteredAt,
    double? Lat, double? Lon, string? PhoneHash);

/// <summary>A case found by the index, with the fields the merge candidates' reasons need.</summary>
public sealed record IndexHit(string Id, float Score, DateTimeOffset RegisteredAt, string CategoryCode, string? PhoneHash, IReadOnlyList<string> Places,
    double? Lat, double? Lon);

/// <summary>
/// The Lucene full-text index of cases in one folder (no database here: <see cref="CaseIndex"/> keeps it current).
/// Text is cut into overlapping character pairs (CJK bigrams): a typed word or place name is searched as a phrase of its
/// pairs, which finds exactly the texts that contain it, as the database's substring search did; a word segmenter
/// misses names it cuts differently (measured with the benchmark's --similar option).
/// The commit data keeps how far the index has read the cases (<see cref="Through"/>).
/// </summary>
public sealed class CaseTextIndex : IDisposable
{
    public const string Version = "cases-2-cjk";
    private const LuceneVersion Lv = LuceneVersion.LUCENE_48;
    private const string ThroughKey = "through";
    private const string VersionKey = "version";

    private readonly LuceneDirectory _dir;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly string _version;

    public Analyzer Analyzer { get; }
    public string Folder { get; }

    /// <summary>The id of the newest case indexed and committed (ids are time-ordered), or null for a new index.</summary>
    public string? Through { get; private set; }

    private CaseTextIndex(string folder, Analyzer analyzer, string version, bool create)
    {
        Folder = folder;
        Analyzer = analyzer;
        _version = version;
        System.IO.Directory.CreateDirectory(folder);
        _dir = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(Lv, analyzer) { OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 };
        _writer = new IndexWriter(_dir, config);
        var data = _writer.CommitData;
        if (!create && data.TryGetValue(VersionKey, out var v) && v != version)
        {
            throw new CorruptIndexException($"index version {v}, expected {version}");
        }
        Through = data.TryGetValue(ThroughKey, out var through) ? through : null;
        _searchers = new SearcherManager(_writer, true, null);
    }

    /// <summary>
    /// Opens the index in <paramref name="folder"/>, or makes a new one when it is missing, unreadable or of another version.
    /// Another process holding the folder is an error: each instance of the app needs its own data folder.
    /// </summary>
    public static CaseTextIndex Open(string folder, bool smartCn = false)
    {
        var version = smartCn ? Version.Replace("cjk", "smartcn", StringComparison.Ordinal) : Version;
        try
        {
            return new CaseTextIndex(folder, NewAnalyzer(smartCn), version, create: false);
        }
        catch (LockObtainFailedException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            return new CaseTextIndex(folder, NewAnalyzer(smartCn), version, create: true);
        }
    }

    private static Analyzer NewAnalyzer(bool smartCn) => smartCn ? new SmartChineseAnalyzer(Lv) : new CJKAnalyzer(Lv);

    public int Count
    {
        get
        {
            var s = _searchers.Acquire();
            try
            {
                return s.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(s);
            }
        }
    }

    /// <summary>Adds or replaces cases (by id), so that reading a case twice does no harm.</summary>
    public void Add(IEnumerable<CaseDoc> cases, bool replace = true)
    {
        foreach (var c in cases)
        {
            var doc = ToDocument(c);
            if (replace)
            {
                _writer.UpdateDocument(new Term("id", c.Id), doc);
            }
            else
            {
                _writer.AddDocument(doc);
            }
        }
    }

    private static Document ToDocument(CaseDoc c)
    {
        var doc = new Document
        {
            new StringField("id", c.Id, Field.Store.YES),
            new TextField("title", Plain(c.Title), Field.Store.NO),
            new TextField("text", Plain($"{c.Title}\n{c.Content}\n{c.Address}"), Field.Store.NO),
            new StringField("cat", c.CategoryCode, Field.Store.YES),
            new Int64Field("at", c.RegisteredAt.UtcTicks, Field.Store.YES),
        };
        foreach (var place in CasePlaces.Keys(c.Address))
        {
            doc.Add(new StringField("place", place, Field.Store.YES));
        }
        if (c.Lat is { } lat && c.Lon is { } lon)
        {
            doc.Add(new DoubleField("lat", lat, Field.Store.YES));
            doc.Add(new DoubleField("lon", lon, Field.Store.YES));
        }
        if (!string.IsNullOrEmpty(c.PhoneHash))
        {
            doc.Add(new StringField("phone", c.PhoneHash, Field.Store.YES));
        }
        return doc;
    }

    /// <summary>Makes what was added visible to searches.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Writes what was added to disk with how far the cases have been read.</summary>
    public void Commit(string? through)
    {
        Through = through ?? Through;
        var data = new Dictionary<string, string> { [VersionKey] = _version };
        if (Through is { } t)
        {
            data[ThroughKey] = t;
        }
        _writer.SetCommitData(data);
        _writer.Commit();
    }

    /// <summary>Whether a case of this id is in the index (searches see it after <see cref="Refresh"/>).</summary>
    public bool Contains(string id) => WithSearcher(s => s.IndexReader.DocFreq(new Term("id", id)) > 0);

    /// <summary>Every indexed id (for a reconciliation with the database).</summary>
    public HashSet<string> Ids() => WithSearcher(s =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(s.IndexReader, "id");
        if (terms is null)
        {
            return ids;
        }
        var live = MultiFields.GetLiveDocs(s.IndexReader);
        var e = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (e.MoveNext())
        {
            docs = e.Docs(live, docs, DocsFlags.NONE);
            if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                ids.Add(e.Term.Utf8ToString());
            }
        }
        return ids;
    });

    /// <summary>
    /// Full-text search: every word of <paramref name="text"/> (split at spaces) must occur in the case's title, content or
    /// address; a phone's keyed hash, when given, finds the reporter's cases too. Ids best first, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<string> Search(string text, string? phoneHash, int max)
    {
        var words = new BooleanQuery();
        foreach (var part in text.Split((char[])[' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(part);
            if (tokens.Count == 0)
            {
                continue;
            }
            var word = new BooleanQuery { { Phrase("text", tokens), Occur.MUST }, };
            var inTitle = Phrase("title", tokens);
            inTitle.Boost = 2;
            word.Add(inTitle, Occur.SHOULD);
            words.Add(word, Occur.MUST);
        }
        var query = new BooleanQuery();
        if (words.Clauses.Count > 0)
        {
            query.Add(words, Occur.SHOULD);
        }
        if (phoneHash is not null)
        {
            query.Add(new TermQuery(new Term("phone", phoneHash)) { Boost = 10 }, Occur.SHOULD);
        }
        if (query.Clauses.Count == 0)
        {
            return [];
        }
        return WithSearcher(s => s.Search(query, max).ScoreDocs.Select(d => s.Doc(d.Doc).Get("id")).ToList());
    }

    private static Query Phrase(string field, List<(string Term, int Position)> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }

    /// <summary>
    /// The text with the marks that the tokenizer reads as inside a word (colons, full stops, apostrophes, middle dots: "类型：Noise",
    /// "e.g.") made spaces, so a word written after "：" is found on its own. Applied alike to what is indexed and what is asked.
    /// </summary>
    private static string Plain(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is ':' or '：' or '.' or '．' or '\'' or '’' or '·' or '‧' or '﹕' or '︓' ? ' ' : source[i];
        }
    });

    /// <summary>The analyzer's terms of a text with their positions.</summary>
    public List<(string Term, int Position)> Tokens(string text, string field = "text")
    {
        var tokens = new List<(string, int)>();
        using var ts = Analyzer.GetTokenStream(field, new StringReader(Plain(text)));
        var term = ts.AddAttribute<ICharTermAttribute>();
        var increment = ts.AddAttribute<IPositionIncrementAttribute>();
        ts.Reset();
        var position = -1;
        while (ts.IncrementToken())
        {
            position += Math.Max(increment.PositionIncrement, 0);
            tokens.Add((term.ToString(), Math.Max(position, 0)));
        }
        ts.End();
        return tokens;
    }

    /// <summary>
    /// Cases registered within ±<paramref name="window"/> of the probe that share its reporter or its place (address, road or
    /// community, or within about <paramref name="metres"/> when both have coordinates), ranked by how many of the probe's
    /// heaviest terms they share (more-like-this). The database then keeps the open ones the user may see.
    /// </summary>
    public IReadOnlyList<IndexHit> Similar(CaseDoc probe, TimeSpan window, double metres, int max)
    {
        var near = new BooleanQuery();
        if (!string.IsNullOrEmpty(probe.PhoneHash))
        {
            near.Add(new TermQuery(new Term("phone", probe.PhoneHash)) { Boost = 4 }, Occur.SHOULD);
        }
        foreach (var place in CasePlaces.Keys(probe.Address))
        {
            near.Add(new TermQuery(new Term("place", place)) { Boost = place.StartsWith("a:", StringComparison.Ordinal) ? 3 : 1 }, Occur.SHOULD);
        }
        if (probe.Lat is { } lat && probe.Lon is { } lon)
        {
            var (dLat, dLon) = CasePlaces.Box(lat, metres);
            var box = new BooleanQuery
            {
                { NumericRangeQuery.NewDoubleRange("lat", lat - dLat, lat + dLat, true, true), Occur.MUST },
                { NumericRangeQuery.NewDoubleRange("lon", lon - dLon, lon + dLon, true, true), Occur.MUST },
            };
            near.Add(box, Occur.SHOULD);
        }
        if (near.Clauses.Count == 0)
        {
            return [];
        }
        return WithSearcher(s =>
        {
            var query = new BooleanQuery
            {
                { near, Occur.MUST },
                { new TermQuery(new Term("id", probe.Id)), Occur.MUST_NOT },
                { new TermQuery(new Term("cat", probe.CategoryCode)) { Boost = 0.5f }, Occur.SHOULD },
            };
            foreach (var term in HeaviestTerms(s.IndexReader, $"{probe.Title}\n{probe.Content}", 24))
            {
                query.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
            }
            var when = NumericRangeFilter.NewInt64Range("at", (probe.RegisteredAt - window).UtcTicks, (probe.RegisteredAt + window).UtcTicks, true, true);
            return s.Search(new FilteredQuery(query, when), max).ScoreDocs.Select(d => ToHit(s.Doc(d.Doc), d.Score)).ToList();
        });
    }

    /// <summary>The probe's terms with the highest tf·idf in the index (a hand-made MoreLikeThis over a text not yet stored).</summary>
    private IEnumerable<string> HeaviestTerms(IndexReader reader, string text, int count)
    {
        var n = Math.Max(reader.NumDocs, 1);
        return Tokens(text).GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Weight: g.Count() * Math.Log(1 + (double)n / (1 + reader.DocFreq(new Term("text", g.Key))))))
            .OrderByDescending(t => t.Weight).Take(count).Select(t => t.Term);
    }

    private static IndexHit ToHit(Document d, float score)
    {
        var lat = d.GetField("lat")?.GetDoubleValue();
        var lon = d.GetField("lon")?.GetDoubleValue();
        return new IndexHit(d.Get("id"), score, new DateTimeOffset(d.GetField("at")!.GetInt64Value() ?? 0, TimeSpan.Zero), d.Get("cat"), d.Get("phone"),
            d.GetValues("place"), lat, lon);
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        var s = _searchers.Acquire();
        try
        {
            return read(s);
        }
        finally
        {
            _searchers.Release(s);
        }
    }

    /// <summary>The index's size on disk, in bytes.</summary>
    public long SizeOnDisk() => new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _dir.Dispose();
    }
}
