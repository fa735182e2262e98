using Microsoft.AspNetCore.Http.Json;
using Zhengfeng;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Assessments;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Attendance;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Dashboard;
using Zhengfeng.Features.Demo;
using Zhengfeng.Features.Evaluations;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Honours;
using Zhengfeng.Features.Hotspots;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Inspections;
using Zhengfeng.Features.Interventions;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Open311;
using Zhengfeng.Features.Operations;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Replies;
using Zhengfeng.Features.Reports;
using Zhengfeng.Features.Scores;
using Zhengfeng.Features.Services;
using Zhengfeng.Features.Suggestions;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Jobs;
using Zhengfeng.Web;

// zhengfeng [serve|demo|audit verify|model evaluate|backup|restore] [--urls URL] [--db CONNECTION] [--data DIR] [--checkpoint FILE] [--public-key FILE]
var command = Cli.Parse(args);
if (command.Verb == "help")
{
    Console.WriteLine(Cli.Usage);
    return 0;
}

if (command.Verb == "audit")
{
    return await AuditVerifyCommand.RunAsync(command.Rest, Console.Out, Console.Error); // read-only: builds no app, runs no migration
}
if (command.Verb == "model")
{
    return ModelEvaluateCommand.Run(command.Rest, Console.Out, Console.Error); // offline: builds no app, touches no database
}
if (command.Verb == "backup")
{
    return await BackupCommand.BackupAsync(command.Rest, Console.Out, Console.Error);
}
if (command.Verb == "restore")
{
    return await BackupCommand.RestoreAsync(command.Rest, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(command.Rest);
builder.Configuration.AddEnvironmentVariables("ZHENGFENG_");
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(Startup.DefaultUrl);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddMemoryCache();
builder.Services.AddAppDb(builder.Configuration);
builder.Services.AddZhengfengAuth(builder.Configuration);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemExceptionHandler.Localize);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddValidation();
builder.Services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiEnums.ListAllowedValues));
builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new ChinaTimeJsonConverter());
    o.SerializerOptions.Converters.Add(new WireEnumConverterFactory());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // ProblemExceptionHandler names the bad field
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeStaffAndVisitorPages();
    o.Conventions.LimitPublicPages();
}).AddMvcOptions(o =>
{
    BindingMessages.UseChinese(o.ModelBindingMessageProvider);
    o.ModelMetadataDetailsProviders.Add(new BindingMessages.ImplicitRequired());
    o.Filters.Add<PageOutcomes>();
});
builder.Services.AddAntiforgery(o => o.HeaderName = RequestForgery.HeaderName);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddRateLimits();

builder.Services.AddScoped<CurrentUser>();
builder.Services.AddAudit();
builder.Services.AddAccounts();
builder.Services.AddOrg();
builder.Services.AddCalendar();
builder.Services.AddNotifications();
builder.Services.AddAttachments();
builder.Services.AddCases();
builder.Services.AddImport();
builder.Services.AddRankings();
builder.Services.AddClues();
builder.Services.AddReports();
builder.Services.AddInterventions();
builder.Services.AddServices();
builder.Services.AddAttendance();
builder.Services.AddInspections();
builder.Services.AddRectifications();
builder.Services.AddSupervision();
builder.Services.AddBulletins();
builder.Services.AddAccountability();
builder.Services.AddEvaluations();
builder.Services.AddAssessments();
builder.Services.AddTypicalCases();
builder.Services.AddCampaigns();
builder.Services.AddAssignments();
builder.Services.AddAssists();
builder.Services.AddScores();
builder.Services.AddHonours();
builder.Services.AddDashboard();
builder.Services.AddHotspots();
builder.Services.AddSuggestions();
builder.Services.AddReplies();
builder.Services.AddScoped<DemoCounty>();
builder.Services.AddScoped<DemoWork>();
builder.Services.AddScoped<DemoHistory>();
builder.Services.AddSingleton<JobLeases>();
builder.Services.AddSingleton<OverdueSweep>();
builder.Services.AddSingleton<AssignmentSweep>();
builder.Services.AddSingleton<ReportReminders>();
builder.Services.AddSingleton<AuditCheckpointJob>();
builder.Services.AddSingleton<DailyDigest>();
builder.Services.AddSingleton<SuggestionRetraining>();
builder.Services.AddSingleton<DatabaseOptimize>();
builder.Services.AddSingleton<FigureCompaction>();
if (builder.Configuration["jobs"] != "off")
{
    builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointJob>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueSweep>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<AssignmentSweep>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<ReportReminders>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<DailyDigest>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<SuggestionRetraining>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseOptimize>());
    builder.Services.AddHostedService(sp => sp.GetRequiredService<FigureCompaction>());
}

var app = builder.Build();

await Startup.PrepareAsync(app.Services, app.Configuration, command, app.Lifetime.ApplicationStopping);

app.UseSecurityHeaders();
app.UseErrorPages();
app.UseStatusPages();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuditActor();
app.UseTotpEnrolment();
app.UseAuthorization();
app.UseAntiforgery();
app.UseCookieForgeryCheck();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapAccounts();
app.MapOrg();
app.MapCalendar();
app.MapAudit();
app.MapCases();
app.MapPublicCases();
app.MapRankings();
app.MapDashboard();
app.MapHotspots();
app.MapNotifications();
app.MapAttachments();
app.MapOpen311();
app.MapClues();
app.MapReports();
app.MapInterventions();
app.MapServices();
app.MapAttendance();
app.MapInspections();
app.MapRectifications();
app.MapAccountability();
app.MapSupervision();
app.MapImport();
app.MapBulletins();
app.MapExports();
app.MapEvaluations();
app.MapAssessments();
app.MapTypicalCases();
app.MapCampaigns();
app.MapAssignments();
app.MapAssists();
app.MapScores();
app.MapHonours();
app.MapSuggestions();
app.MapOperations();
app.MapReplies();
app.MapRazorPages();

await app.RunAsync();
return 0;

public partial class Program;
