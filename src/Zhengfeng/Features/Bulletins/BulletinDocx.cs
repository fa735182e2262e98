using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Features.Bulletins;

/// <summary>
/// Writes a bulletin as a .docx laid out by GB/T 9704-2012 (党政机关公文格式). Lengths are in twips (1/20 pt),
/// font sizes in half-points, border widths in eighths of a point.
/// </summary>
public static partial class BulletinDocx
{
    // §5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, so bottom 35 mm and right 26 mm.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 2098;
    public const int MarginLeft = 1588;
    public const int MarginBottom = 1984;
    public const int MarginRight = 1474;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    // §5.2.2: 22 lines × 28 characters. 225 mm / 22 = 28.95 pt a line. 28 characters of 16 pt are 448 pt, wider
    // than the 442 pt block, so characters are set 0.25 pt closer (the 15.75 pt of a traditional 3号); a character
    // grid would do the same in Word but LibreOffice spreads such a grid to 17 characters a line.
    public const int LinePitch = 579;
    public const int CharacterSpacing = -5;

    // §7.5: 页码 7 mm below the text block: 35 mm − 7 mm − one 18 pt footer line ≈ 21.6 mm from the page edge.
    public const int FooterDistance = 1227;

    public const int Size3 = 32;   // 3号 16 pt
    public const int Size2 = 44;   // 2号 22 pt
    public const int Size4 = 28;   // 4号 14 pt
    public const string Red = "FF0000";

    private const int Char3 = 320;   // one 3号 character
    private const int Char4 = 280;   // one 4号 character

    public sealed record Face(string Latin, string EastAsia);

    public static readonly Face FangSong = new("FangSong", "仿宋");
    public static readonly Face Hei = new("SimHei", "黑体");
    public static readonly Face Kai = new("KaiTi", "楷体");
    public static readonly Face Song = new("SimSun", "宋体");
    public static readonly Face XiaoBiaoSong = new("方正小标宋简体", "方正小标宋简体");

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    internal static partial Regex Level1();

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）")]
    internal static partial Regex Level2();

    /// <summary>
    /// The document; <paramref name="today"/> stands in for the issue date of a draft. <paramref name="checkpoint"/>, the audit log's
    /// latest signed checkpoint, is printed in a line after the date, so a reader can later check the log the bulletin drew on.
    /// </summary>
    public static byte[] Write(Bulletin b, DateOnly today, AuditCheckpoint? checkpoint = null) => Write(new OfficialText(b.Title, [b.Body], b.OrganName, b.IssuedOn ?? today)
    {
        OrganMark = b.OrganName, Number = b.DocumentNumber(today.Year), Recipients = b.Recipients, CopyTo = b.CopyTo, PrintedBy = b.PrintedBy,
        AuditLine = checkpoint is null ? null : AuditLine(checkpoint),
    });

    public static string AuditLine(AuditCheckpoint checkpoint) => $"审计日志检查点：共 {checkpoint.Size} 条记录，默克尔树根哈希 {checkpoint.RootHashHex}";

    /// <summary>
    /// A document in the same layout that is not a stored bulletin (a campaign's progress bulletin, a closing summary): the red
    /// 发文机关标志 and 发文字号 only when <see cref="OfficialText.OrganMark"/> is given, the 版记 only with <see cref="OfficialText.PrintedBy"/>.
    /// </summary>
    public static byte[] Write(OfficialText d)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = d.Title;
            doc.PackageProperties.Creator = d.Signature;
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders());
            var odd = AddFooter(main, JustificationValues.Right, new Indentation { Right = Char4.ToString(Inv) });
            var even = AddFooter(main, JustificationValues.Left, new Indentation { Left = Char4.ToString(Inv) });

            var body = new Body();
            if (d.OrganMark is { } organ)
            {
                body.Append(OrganMark(organ));
                body.Append(Blank(), Blank());
                body.Append(DocumentNumber(d.Number ?? ""));
                body.Append(Blank());
            }
            body.Append(Blank());
            body.Append(Title(d.Title));
            body.Append(Blank());
            if (!string.IsNullOrWhiteSpace(d.Recipients))
            {
                body.Append(Para(null, null, Text(d.Recipients.TrimEnd(':', '：') + "：", FangSong, Size3)));
            }
            foreach (var line in d.Lines.SelectMany(l => l.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var font = Level1().IsMatch(line) ? Hei : Level2().IsMatch(line) ? Kai : FangSong;
                body.Append(Para(null, FirstLine(), Text(line, font, Size3)));
            }
            body.Append(Blank(), Blank());
            body.Append(Signature(d.Signature, Bulletin.DateText(d.Date)));
            body.Append(Para(JustificationValues.Right, new Indentation { Right = (4 * Char3).ToString(Inv), RightChars = 400 }, Text(Bulletin.DateText(d.Date), FangSong, Size3)));
            if (d.AuditLine is { } auditLine)
            {
                body.Append(Blank());
                body.Append(Para(null, null, Text(auditLine, FangSong, Size4)));
            }
            if (d.PrintedBy is { } printedBy)
            {
                body.Append(Colophon(d.CopyTo, printedBy, d.Date));
            }
            body.Append(Section(main.GetIdOfPart(odd), main.GetIdOfPart(even)));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static SectionProperties Section(string oddFooterId, string evenFooterId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = MarginTop, Right = MarginRight, Bottom = MarginBottom, Left = MarginLeft, Header = 851, Footer = FooterDistance, Gutter = 0 },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });

    /// <summary>发文机关标志: red 小标宋, centred, its top 35 mm below the top of the text block (§7.2.3), as wide as the block allows.</summary>
    private static Paragraph OrganMark(string organ)
    {
        var text = organ + "文件";
        var size = Math.Clamp(TextWidth * 95 / 100 / text.Length / 10, Size2, 72);
        var line = size * 10 * 5 / 4;
        var before = Math.Max(0, 1984 - (line - size * 10) / 2);
        var p = Para(JustificationValues.Center, null, Text(text, XiaoBiaoSong, size, Red));
        p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(Inv), After = "0", Line = line.ToString(Inv), LineRule = LineSpacingRuleValues.Exact };
        p.ParagraphProperties.SnapToGrid = new SnapToGrid { Val = false };
        return p;
    }

    /// <summary>发文字号 centred, with the red separator line 4 mm below it across the text block (§7.2.4, §7.2.6).</summary>
    private static Paragraph DocumentNumber(string number)
    {
        var p = Para(JustificationValues.Center, null, Text(number, FangSong, Size3));
        p.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = Red, Size = 12, Space = 4 });
        return p;
    }

    private static Paragraph Title(string title)
    {
        var p = Para(JustificationValues.Center, null, Text(title, XiaoBiaoSong, Size2));
        p.ParagraphProperties!.SnapToGrid = new SnapToGrid { Val = false };
        return p;
    }

    /// <summary>署名 centred over the 成文日期, which stands 4 characters from the right (§7.3.5.2).</summary>
    private static Paragraph Signature(string organ, string date)
    {
        var right = 4 * Char3 + (Width(date) - Width(organ)) * Char3 / 2;
        return Para(JustificationValues.Right, new Indentation { Right = Math.Max(0, right).ToString(Inv) }, Text(organ, FangSong, Size3));
    }

    /// <summary>Width in characters: CJK one, Latin letters and digits half.</summary>
    private static int Width(string s) => (s.Sum(c => c < 0x2E80 ? 1 : 2) + 1) / 2;

    /// <summary>
    /// 版记 after the date (§7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 one character in, between a 0.35 mm first and
    /// last line and a 0.25 mm middle line.
    /// </summary>
    private static IEnumerable<Paragraph> Colophon(string? copyTo, string printedBy, DateOnly date)
    {
        yield return Blank();
        var outer = 8;   // 1 pt ≈ 0.35 mm
        var middle = 6;  // 0.75 pt ≈ 0.26 mm
        if (!string.IsNullOrWhiteSpace(copyTo))
        {
            var cc = Para(null, new Indentation { Left = (Char4 + 3 * Char4).ToString(Inv), Hanging = (3 * Char4).ToString(Inv), Right = Char4.ToString(Inv) },
                Text("抄送：" + copyTo.Trim().TrimEnd('。') + "。", FangSong, Size4));
            cc.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = (uint)outer, Space = 1 });
            yield return cc;
        }
        var printed = Para(null, new Indentation { Left = Char4.ToString(Inv), Right = Char4.ToString(Inv) },
            Text(printedBy, FangSong, Size4), new Run(new TabChar()), Text(Bulletin.DateText(date) + "印发", FangSong, Size4));
        printed.ParagraphProperties!.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth - Char4 });
        printed.ParagraphProperties.ParagraphBorders = new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = (uint)(string.IsNullOrWhiteSpace(copyTo) ? outer : middle), Space = 1 },
            new BottomBorder { Val = BorderValues.Single, Size = (uint)outer, Space = 1 });
        yield return printed;
    }

    /// <summary>页码 "— 1 —" in 4号宋体: odd pages right, even pages left, one character in (§7.5).</summary>
    private static FooterPart AddFooter(MainDocumentPart main, JustificationValues side, Indentation indent)
    {
        var part = main.AddNewPart<FooterPart>();
        var p = Para(side, indent,
            Text("— ", Song, Size4),
            new Run(Props(Song, Size4), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(Song, Size4), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(Song, Size4), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text("1", Song, Size4),
            new Run(Props(Song, Size4), new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" —", Song, Size4));
        p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "360", LineRule = LineSpacingRuleValues.Exact };
        p.ParagraphProperties.SnapToGrid = new SnapToGrid { Val = false };
        part.Footer = new Footer(p);
        return part;
    }

    private static Indentation FirstLine() => new() { FirstLine = (2 * Char3).ToString(Inv), FirstLineChars = 200 };

    private static Paragraph Blank() => new(new ParagraphProperties());

    private static Paragraph Para(JustificationValues? align, Indentation? indent, params Run[] runs)
    {
        var props = new ParagraphProperties();
        if (indent is not null)
        {
            props.Indentation = indent;
        }
        if (align is { } a)
        {
            props.Justification = new Justification { Val = a };
        }
        var p = new Paragraph(props);
        p.Append(runs);
        return p;
    }

    private static Run Text(string text, Face font, int halfPoints, string? color = null)
        => new(Props(font, halfPoints, color), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties Props(Face font, int halfPoints, string? color = null)
    {
        var props = new RunProperties(new RunFonts { Ascii = font.Latin, HighAnsi = font.Latin, EastAsia = font.EastAsia, ComplexScript = font.Latin, Hint = FontTypeHintValues.EastAsia });
        if (color is not null)
        {
            props.Append(new Color { Val = color });
        }
        props.Append(new FontSize { Val = halfPoints.ToString(Inv) }, new FontSizeComplexScript { Val = halfPoints.ToString(Inv) });
        return props;
    }

    /// <summary>Defaults for every paragraph: 3号仿宋, black, fixed 28.95 pt lines, no space before or after (§5.2.2, §6.1).</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FangSong.Latin, HighAnsi = FangSong.Latin, EastAsia = FangSong.EastAsia, ComplexScript = FangSong.Latin },
                    new Color { Val = "000000" },
                    new Spacing { Val = CharacterSpacing },
                    new Kern { Val = 2 },
                    new FontSize { Val = Size3.ToString(Inv) },
                    new FontSizeComplexScript { Val = Size3.ToString(Inv) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(Inv), LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = JustificationValues.Both }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    /// <summary>Names the fonts with Windows fallbacks: a PC without 方正小标宋 shows the title in 宋体 rather than a random face.</summary>
    private static void AddFontTable(MainDocumentPart main)
    {
        static Font F(string name, string alt)
            => new(new AltName { Val = alt }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Auto }) { Name = name };
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(
            F(XiaoBiaoSong.EastAsia, "宋体"), F(FangSong.EastAsia, "FangSong"), F(FangSong.Latin, "仿宋_GB2312"),
            F(Hei.EastAsia, "SimHei"), F(Kai.EastAsia, "KaiTi"), F(Song.EastAsia, "SimSun"));
    }
}

/// <summary>The text of a document written in the bulletin layout; lines starting 一、 and （一） become headings.</summary>
public sealed record OfficialText(string Title, IReadOnlyList<string> Lines, string Signature, DateOnly Date)
{
    /// <summary>发文机关 of the red 发文机关标志; none for a report without one.</summary>
    public string? OrganMark { get; init; }
    public string? Number { get; init; }
    public string? Recipients { get; init; }
    public string? CopyTo { get; init; }
    /// <summary>印发机关 of the 版记; none leaves the 版记 out.</summary>
    public string? PrintedBy { get; init; }
    /// <summary>The audit log's checkpoint, in a line after the date; none leaves it out.</summary>
    public string? AuditLine { get; init; }
}
