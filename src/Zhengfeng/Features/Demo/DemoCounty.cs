using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>The accounts a demo load created, printed at start. Role is the role name (e.g. "unit").</summary>
public sealed record DemoAccounts(string Password, IReadOnlyList<(string Username, string Role, string Unit)> Accounts)
{
    private const int UnitAccountsShown = 8;

    public string Describe()
    {
        var text = new StringBuilder($"演示市：{DemoNames.CityName}，辖{DemoNames.CountyName}（全部演示数据）和{DemoNames.EastName}"
            + $"（演示账号密码均为 {Password}；管理员 admin 在市级，仍用首次启动时的密码）\n");
        var units = Accounts.Where(a => a.Role == Roles.Unit).ToList();
        foreach (var a in Accounts.Where(a => a.Role != Roles.Unit).Concat(units.Take(UnitAccountsShown)))
        {
            text.Append($"  {a.Username,-16} {Roles.Label(a.Role).PadRight(4, '\u3000')}  {a.Unit}\n");
        }
        if (units.Count > UnitAccountsShown)
        {
            text.Append($"  …等 {units.Count} 个单位账号，用户名即单位编码（部门 d-…，乡镇街道 t-01 至 t-{DemoNames.Townships.Count:00}）\n");
        }
        return text.ToString().TrimEnd();
    }
}

/// <summary>
/// Loads the fictional demo county: about 40 departments, 12 townships and streets, their sections, some 400
/// cadres and an account for every role; above it a small city with a second district, so that the levels show (the
/// city's hotline, supervision and leader; the district's hotline, supervision and two units). Deterministic: the seed
/// fixes every name and rank (ids are fresh). Idempotent: a database that already holds the demo units is left alone.
/// </summary>
public sealed class DemoCounty(AppDb db, TimeProvider clock, UnitTree tree)
{
    public const string Password = "Demo@2026";
    private const int Seed = 20261123;
    private const string CountyCode = "county";
    private const string CityCode = "city";
    private const string EastCode = "east";

    /// <summary>The units of the levels around the county: the city's own offices and the second district's.</summary>
    private sealed record LevelUnit(string Code, string Name, UnitKind Kind, string Parent, string HeadPost);

    private static readonly IReadOnlyList<LevelUnit> Levels =
    [
        new("c-hotline", $"{DemoNames.CityName}12345政务服务便民热线", UnitKind.Department, CityCode, "主任"),
        new("c-conduct", $"{DemoNames.CityName}作风效能建设办公室", UnitKind.Department, CityCode, "主任"),
        new(EastCode, DemoNames.EastName, UnitKind.County, CityCode, "区长"),
        new("e-hotline", $"{DemoNames.EastName}12345热线分中心", UnitKind.Department, EastCode, "主任"),
        new("e-conduct", $"{DemoNames.EastName}作风效能建设办公室", UnitKind.Department, EastCode, "主任"),
        new("e-urban", $"{DemoNames.EastName}城市管理局", UnitKind.Department, EastCode, "局长"),
        new("e-donghua", $"{DemoNames.EastName}东华街道办事处", UnitKind.Township, EastCode, "主任"),
    ];

    private enum Who { Deputy, Chief, Staff }

    private sealed record AccountSpec(string Username, string Role, string UnitCode, Who Who);

    /// <summary>Section-level unit accounts, besides one per department and township.</summary>
    private static readonly string[] SectionAccounts = ["d-edu-s1", "d-urban-s1", "t-01-s2"];

    /// <summary>Unit accounts listed first (and so printed at start) because demo cases go to them.</summary>
    private static readonly string[] Showcase = ["d-edu", "d-urban", "d-housing", "d-market", "t-01", "t-04"];

    public static IEnumerable<DemoUnitSpec> AllUnits => DemoNames.Departments.Concat(DemoNames.Townships);

    private static readonly IReadOnlyList<AccountSpec> Specs = BuildSpecs();

    public async Task<DemoAccounts> LoadAsync(CancellationToken ct)
    {
        var result = new DemoAccounts(Password, Specs.Select(s => (s.Username, s.Role, DisplayName(s.UnitCode))).ToList());
        var codes = AllUnits.Select(u => u.Code).ToList();
        if (await db.Units.AnyAsync(u => codes.Contains(u.Code), ct))
        {
            return result;
        }

        var now = clock.GetUtcNow();
        var rng = new Random(Seed);
        var usedNames = new HashSet<string>();
        var units = new Dictionary<string, Unit>();
        var people = new Dictionary<string, UnitPeople>();
        var leaders = new List<(Unit Unit, Cadre Head, Cadre? Deputy)>();

        var county = await db.Units.FirstOrDefaultAsync(u => u.Code == CountyCode, ct)
            ?? await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstOrDefaultAsync(ct);
        if (county is null)
        {
            county = new Unit { Id = Ids.New(), Code = CountyCode, Name = DemoNames.CountyName, Kind = UnitKind.County, CreatedAt = now };
            db.Units.Add(county);
        }
        county.Name = DemoNames.CountyName;
        units[CountyCode] = county;
        // The county becomes a district of the city; the administrator of the first start moves up with the top.
        var city = await db.Units.FirstOrDefaultAsync(u => u.Code == CityCode, ct);
        if (city is null)
        {
            city = AddUnit(CityCode, DemoNames.CityName, UnitKind.City, null, 0);
        }
        units[CityCode] = city;
        if (county.ParentId is null)
        {
            county.ParentId = city.Id;
            foreach (var admin in await db.Users.Where(u => u.UnitId == county.Id && u.Roles == Roles.Admin).ToListAsync(ct))
            {
                admin.UnitId = city.Id;
            }
        }
        var levelOrder = 0;
        foreach (var spec in Levels)
        {
            var unit = AddUnit(spec.Code, spec.Name, spec.Kind, units[spec.Parent].Id, ++levelOrder);
            var head = AddCadre(unit, spec.HeadPost, spec.Kind == UnitKind.County ? CadreRank.Division : CadreRank.Section);
            var deputy = AddCadre(unit, "副" + spec.HeadPost, spec.Kind == UnitKind.County ? CadreRank.DeputyDivision : CadreRank.DeputySection);
            leaders.Add((unit, head, deputy));
            people[spec.Code] = new UnitPeople { Leaders = { head, deputy } };
        }
        var cityPeople = people[CityCode] = new UnitPeople();
        cityPeople.Leaders.Add(AddCadre(city, "市长", CadreRank.Division));
        cityPeople.Leaders.Add(AddCadre(city, "副市长", CadreRank.DeputyDivision));
        leaders.Add((city, cityPeople.Leaders[0], cityPeople.Leaders[1]));
        var countyPeople = people[CountyCode] = new UnitPeople();
        foreach (var (post, rank) in DemoNames.CountyLeaders)
        {
            countyPeople.Leaders.Add(AddCadre(county, post, rank));
        }
        leaders.Add((county, countyPeople.Leaders[0], countyPeople.Leaders[1]));

        var order = 0;
        foreach (var spec in AllUnits)
        {
            var unit = AddUnit(spec.Code, spec.Name, spec.Kind, county.Id, ++order);
            var headRank = spec.HeadPost.StartsWith("县委常委", StringComparison.Ordinal) ? CadreRank.DeputyDivision : CadreRank.Section;
            var head = AddCadre(unit, spec.HeadPost, headRank);
            var deputy = AddCadre(unit, spec.DeputyPost, CadreRank.DeputySection);
            leaders.Add((unit, head, deputy));
            people[spec.Code] = new UnitPeople { Leaders = { head, deputy } };

            for (var i = 0; i < spec.Sections.Count; i++)
            {
                var name = spec.Sections[i];
                var section = AddUnit(spec.SectionCode(i), name, SectionKind(name), unit.Id, i + 1);
                var chief = AddCadre(section, ChiefPost(name), rng.Next(10) < 4 ? CadreRank.DeputySection : CadreRank.Staff);
                leaders.Add((section, chief, null));
                var crew = new UnitPeople { Leaders = { chief } };
                for (var n = rng.Next(3); n > 0; n--)
                {
                    crew.Staff.Add(AddCadre(section, spec.StaffPost, CadreRank.Staff));
                }
                people[section.Code] = crew;
            }
        }

        var hash = AccountService.HashPassword(Password);
        var usernames = Specs.Select(s => s.Username).ToList();
        var taken = (await db.Users.Where(u => usernames.Contains(u.Username)).Select(u => u.Username).ToListAsync(ct)).ToHashSet();
        foreach (var spec in Specs.Where(s => !taken.Contains(s.Username)))
        {
            var cadre = people[spec.UnitCode].Pick(spec.Who);
            var personal = spec.Role != Roles.Unit;
            var outside = spec.Role == Roles.Visitor;
            db.Users.Add(new UserAccount
            {
                Id = Ids.New(),
                Username = spec.Username,
                DisplayName = outside ? "特邀监督员 孟清" : personal ? cadre.Name : DisplayName(spec.UnitCode),
                UnitId = units[spec.UnitCode].Id,
                Roles = spec.Role,
                CadreId = outside ? null : cadre.Id,
                // a department's or township's own account is its head's: it assigns cases and opens its people's 承办人 accounts
                IsUnitHead = spec.Role == Roles.Unit && !SectionAccounts.Contains(spec.Username),
                PasswordHash = hash,
                CreatedAt = now,
            });
        }

        // Unit -> head cadre -> unit is a cycle EF cannot order in one save: insert first, then name the leaders.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
        foreach (var (unit, head, deputy) in leaders)
        {
            unit.HeadId = head.Id;
            unit.DeputyId = deputy?.Id;
        }
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tree.Invalidate();
        return result;

        Unit AddUnit(string code, string name, UnitKind kind, string? parentId, int sortOrder)
        {
            var unit = new Unit { Id = Ids.New(), Code = code, Name = name, Kind = kind, ParentId = parentId, SortOrder = sortOrder, CreatedAt = now };
            db.Units.Add(unit);
            units[code] = unit;
            return unit;
        }

        Cadre AddCadre(Unit unit, string post, CadreRank rank)
        {
            var cadre = new Cadre { Id = Ids.New(), Name = NewName(rng, usedNames), UnitId = unit.Id, Post = post, Rank = rank, CreatedAt = now };
            db.Cadres.Add(cadre);
            return cadre;
        }
    }

    private sealed class UnitPeople
    {
        public List<Cadre> Leaders { get; } = [];
        public List<Cadre> Staff { get; } = [];

        /// <summary>A unit's head and deputy are its first two leaders; a section's chief is its only leader.</summary>
        public Cadre Pick(Who who) => who switch
        {
            Who.Deputy when Leaders.Count > 1 => Leaders[1],
            Who.Staff when Staff.Count > 0 => Staff[0],
            _ => Leaders[0],
        };
    }

    private static List<AccountSpec> BuildSpecs()
    {
        List<AccountSpec> specs =
        [
            new("operator", Roles.Operator, $"{DemoNames.Hotline}-s1", Who.Staff),
            new("dispatcher", Roles.Dispatcher, $"{DemoNames.Hotline}-s2", Who.Chief),
            new("supervisor", Roles.Supervisor, $"{DemoNames.Conduct}-s2", Who.Chief),
            new("inspector", Roles.Inspector, $"{DemoNames.Discipline}-s1", Who.Chief),
            new("leader", Roles.Leader, CountyCode, Who.Deputy),
            // an outside visitor (特邀监督员) of the 暗访 plans, seated in the office that runs them
            new("visitor", Roles.Visitor, $"{DemoNames.Conduct}-s2", Who.Staff),
            // the city above the county: its hotline dispatches across districts, its supervision sends 督办 to a district
            new("city-dispatcher", Roles.Dispatcher, "c-hotline", Who.Deputy),
            new("city-supervisor", Roles.Supervisor, "c-conduct", Who.Deputy),
            new("city-leader", Roles.Leader, CityCode, Who.Deputy),
            // the second district sees only itself
            new("east-dispatcher", Roles.Dispatcher, "e-hotline", Who.Deputy),
            new("east-supervisor", Roles.Supervisor, "e-conduct", Who.Deputy),
            new("e-urban", Roles.Unit, "e-urban", Who.Deputy),
            new("e-donghua", Roles.Unit, "e-donghua", Who.Deputy),
        ];
        var unitCodes = Showcase.Concat(SectionAccounts).Concat(AllUnits.Select(u => u.Code).Except(Showcase));
        specs.AddRange(unitCodes.Select(code => new AccountSpec(code, Roles.Unit, code, SectionAccounts.Contains(code) ? Who.Chief : Who.Deputy)));
        return specs;
    }

    /// <summary>"县教育局" for a department, "县教育局 基础教育股" for a section.</summary>
    private static string DisplayName(string code)
    {
        if (code == CountyCode)
        {
            return DemoNames.CountyName;
        }
        if (code == CityCode)
        {
            return DemoNames.CityName;
        }
        if (Levels.FirstOrDefault(l => l.Code == code) is { } level)
        {
            return level.Name;
        }
        foreach (var spec in AllUnits)
        {
            if (spec.Code == code)
            {
                return spec.Name;
            }
            for (var i = 0; i < spec.Sections.Count; i++)
            {
                if (spec.SectionCode(i) == code)
                {
                    return $"{spec.Name} {spec.Sections[i]}";
                }
            }
        }
        throw new InvalidOperationException($"Unknown demo unit code {code}");
    }

    private static string NewName(Random rng, HashSet<string> used)
    {
        while (true)
        {
            var name = string.Concat(
                DemoNames.Surnames[rng.Next(DemoNames.Surnames.Length)],
                DemoNames.GivenFirst[rng.Next(DemoNames.GivenFirst.Length)],
                DemoNames.GivenSecond[rng.Next(DemoNames.GivenSecond.Length)]);
            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static UnitKind SectionKind(string name)
        => name.EndsWith("办公室", StringComparison.Ordinal) || name.EndsWith('办') ? UnitKind.Office : UnitKind.Section;

    private static string ChiefPost(string section) => section switch
    {
        _ when section.EndsWith("大队", StringComparison.Ordinal) => "大队长",
        _ when section.EndsWith("分局", StringComparison.Ordinal) => "局长",
        _ when section.EndsWith('股') => "股长",
        _ when section.EndsWith('科') => "科长",
        _ when section.EndsWith('所') => "所长",
        _ when section.EndsWith('站') => "站长",
        _ when section.EndsWith('队') => "队长",
        _ => "主任",
    };
}
