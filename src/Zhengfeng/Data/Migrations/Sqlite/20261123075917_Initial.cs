using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKey",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKey", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attachment",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Bulletin",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Serial = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CopyTo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PrintedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClueIds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CaseIds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RankingPeriod = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletin", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseAlert",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAlert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Category",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponseHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HandleWorkdays = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentHandleHours = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Category", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Xml = table.Column<string>(type: "text", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCampaigns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HolidayDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsOffDay = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "IdentityView",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ViewerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityView", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportMapping",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CategoryMap = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    KindMap = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DefaultCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefaultKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TimestampFormat = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UtcOffset = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMapping", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notification",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessage",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProblemType",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemType", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationBallots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationBallots_EvaluationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCampaignGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCampaignGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCampaignGroups_EvaluationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountabilityCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HeadId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DeputyId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClueId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    NoticeId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Forms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeadForms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeputyForms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sanction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SanctionFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SanctionUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExemptionId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountabilityCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnualAssessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Accountability = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cadres",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cadres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationConsequences",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationConsequences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationConsequences_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvaluationConsequences_EvaluationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Exemptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AccountabilityCaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    PublicPurpose = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicPurposeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NoPersonalGain = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoPersonalGainNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NoBreachOfLaw = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoBreachOfLawNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NoMajorLoss = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoMajorLossNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TimelyRemedy = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimelyRemedyNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProcedureFollowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcedureFollowedNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exemptions_AccountabilityCases_AccountabilityCaseId",
                        column: x => x.AccountabilityCaseId,
                        principalTable: "AccountabilityCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Exemptions_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HeadId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DeputyId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Cadres_DeputyId",
                        column: x => x.DeputyId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Units_Cadres_HeadId",
                        column: x => x.HeadId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Units_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Case",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReporterNameEnc = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReporterPhoneEnc = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReporterPhoneHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeadUnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AssistUnitIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FirstReceiverUnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    MergedIntoId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstDispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstContactAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseDueWhy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContactDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandleDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandleDueWhy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FeedbackDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedInTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WasOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplyContent = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RatingLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedResolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Case", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Case_Category_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "Category",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Case_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Clue",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ProblemType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clue_Cadres_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Clue_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCampaignUnits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCampaignUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCampaignUnits_EvaluationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationCampaignUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRatings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BallotId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRatings_EvaluationBallots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "EvaluationBallots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationRatings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationResults",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_EvaluationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotice",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CaseRound = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClueId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyWorkdays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyDueWhy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReplyContent = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReplyCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    JudgementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    JudgedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionNotice_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailedLogins = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Users_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvent",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvent_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionRequest",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Workdays = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequest_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rating",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    AppealReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppealDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AppealDecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rating", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rating_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnRequest",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NewLeadUnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnRequest_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClueId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponsiblePersonId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedVerifications = table.Column<int>(type: "INTEGER", nullable: false),
                    LastVerificationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FollowUpDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaperFlag = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RelapseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowedUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RelapseNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Cadres_ResponsiblePersonId",
                        column: x => x.ResponsiblePersonId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rectifications_Clue_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rectifications_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReport",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RectificationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReport_Rectifications_RectificationId",
                        column: x => x.RectificationId,
                        principalTable: "Rectifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Category",
                columns: new[] { "Code", "HandleWorkdays", "IsActive", "Name", "ResponseHours", "SortOrder", "UrgentHandleHours" },
                values: new object[,]
                {
                    { "agriculture", 10, true, "农业农村与土地", 2, 15, 48 },
                    { "business", 5, true, "营商环境与政务服务", 2, 16, 24 },
                    { "conduct", 10, true, "干部作风与工作效能", 2, 17, 48 },
                    { "education", 5, true, "教育", 2, 13, 48 },
                    { "environment", 5, true, "生态环境与噪声污染", 2, 4, 24 },
                    { "food", 5, true, "食品药品安全", 2, 9, 24 },
                    { "health", 5, true, "医疗卫生与医保", 2, 12, 24 },
                    { "housing", 10, true, "住房与物业管理", 2, 7, 48 },
                    { "labour", 5, true, "劳动保障与欠薪", 2, 10, 24 },
                    { "market", 5, true, "市场监管与消费维权", 2, 8, 24 },
                    { "other", 5, true, "其他", 2, 18, 48 },
                    { "roads", 5, true, "道路交通与市政设施", 2, 3, 24 },
                    { "safety", 2, true, "安全隐患（危及生命财产）", 2, 1, 2 },
                    { "sanitation", 5, true, "环境卫生与垃圾清运", 2, 5, 24 },
                    { "social", 5, true, "社会保障与民政救助", 2, 11, 48 },
                    { "transport", 5, true, "公共交通与出行", 2, 14, 24 },
                    { "urban", 10, true, "城市管理与违章建设", 2, 6, 48 },
                    { "utilities", 3, true, "水电气暖供应", 2, 2, 24 }
                });

            migrationBuilder.InsertData(
                table: "ProblemType",
                columns: new[] { "Code", "Group", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "abuse", "乱作为", "滥用职权、吃拿卡要", 5 },
                    { "attitude", "不作为", "服务态度生硬、门难进脸难看", 8 },
                    { "bottomline", "乱作为", "底线不牢、廉洁风险", 7 },
                    { "delay", "慢作为", "拖沓延误、办事效率低", 3 },
                    { "formalism", "慢作为", "虚假浮躁、形式主义", 4 },
                    { "laxity", "乱作为", "作风散漫、纪律松弛", 6 },
                    { "lazy", "不作为", "懒政怠政、为官不为", 1 },
                    { "shirking", "不作为", "推诿扯皮、敷衍塞责", 2 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_CadreId",
                table: "AccountabilityCases",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_ClueId",
                table: "AccountabilityCases",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_DeputyId",
                table: "AccountabilityCases",
                column: "DeputyId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_HeadId",
                table: "AccountabilityCases",
                column: "HeadId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_Status_OpenedAt",
                table: "AccountabilityCases",
                columns: new[] { "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_UnitId",
                table: "AccountabilityCases",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualAssessments_CadreId_Year",
                table: "AnnualAssessments",
                columns: new[] { "CadreId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualAssessments_UnitId_Year",
                table: "AnnualAssessments",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKey_KeyHash",
                table: "ApiKey",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_OwnerType_OwnerId",
                table: "Attachment",
                columns: new[] { "OwnerType", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bulletin_Prefix_Year_Serial",
                table: "Bulletin",
                columns: new[] { "Prefix", "Year", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bulletin_Status_CreatedAt",
                table: "Bulletin",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_UnitId_Name",
                table: "Cadres",
                columns: new[] { "UnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_CategoryCode",
                table: "Case",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Channel_ExternalId",
                table: "Case",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Case_FirstDispatchedAt_LeadUnitId_SignedInTime",
                table: "Case",
                columns: new[] { "FirstDispatchedAt", "LeadUnitId", "SignedInTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_LeadUnitId_RegisteredAt",
                table: "Case",
                columns: new[] { "LeadUnitId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_LeadUnitId_Status_HandleDueAt",
                table: "Case",
                columns: new[] { "LeadUnitId", "Status", "HandleDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_RegisteredAt",
                table: "Case",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_ReporterPhoneHash",
                table: "Case",
                column: "ReporterPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Status_HandleDueAt",
                table: "Case",
                columns: new[] { "Status", "HandleDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_TrackingCode",
                table: "Case",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlert_CaseId_Round_Level",
                table: "CaseAlert",
                columns: new[] { "CaseId", "Round", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvent_CaseId_Seq",
                table: "CaseEvent",
                columns: new[] { "CaseId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Clue_PersonId",
                table: "Clue",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Clue_Status_RegisteredAt",
                table: "Clue",
                columns: new[] { "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clue_UnitId_Source_RegisteredAt",
                table: "Clue",
                columns: new[] { "UnitId", "Source", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationBallots_CampaignId",
                table: "EvaluationBallots",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationBallots_CodeHash",
                table: "EvaluationBallots",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCampaignGroups_CampaignId_Group",
                table: "EvaluationCampaignGroups",
                columns: new[] { "CampaignId", "Group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCampaigns_Year_Status",
                table: "EvaluationCampaigns",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCampaignUnits_CampaignId_UnitId",
                table: "EvaluationCampaignUnits",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCampaignUnits_UnitId",
                table: "EvaluationCampaignUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationConsequences_CadreId",
                table: "EvaluationConsequences",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationConsequences_CampaignId_UnitId",
                table: "EvaluationConsequences",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRatings_BallotId_UnitId",
                table: "EvaluationRatings",
                columns: new[] { "BallotId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRatings_CampaignId_UnitId",
                table: "EvaluationRatings",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRatings_UnitId",
                table: "EvaluationRatings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_CampaignId_UnitId",
                table: "EvaluationResults",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_UnitId",
                table: "EvaluationResults",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Exemptions_AccountabilityCaseId",
                table: "Exemptions",
                column: "AccountabilityCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Exemptions_CadreId",
                table: "Exemptions",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequest_CaseId_Decision",
                table: "ExtensionRequest",
                columns: new[] { "CaseId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_HolidayDays_Year",
                table: "HolidayDays",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityView_CaseId",
                table: "IdentityView",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportMapping_Name",
                table: "ImportMapping",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notification_UnitId_ReadAt_CreatedAt",
                table: "Notification",
                columns: new[] { "UnitId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_SentAt_CreatedAt",
                table: "OutboxMessage",
                columns: new[] { "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReport_RectificationId_At",
                table: "ProgressReport",
                columns: new[] { "RectificationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Rating_CaseId_Round",
                table: "Rating",
                columns: new[] { "CaseId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ClueId",
                table: "Rectifications",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ResponsiblePersonId",
                table: "Rectifications",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_Status_DueDate",
                table: "Rectifications",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_UnitId_Status",
                table: "Rectifications",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnRequest_CaseId_Decision",
                table: "ReturnRequest",
                columns: new[] { "CaseId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnRequest_UnitId_RequestedAt",
                table: "ReturnRequest",
                columns: new[] { "UnitId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_CaseId_CaseRound_Level",
                table: "SupervisionNotice",
                columns: new[] { "CaseId", "CaseRound", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_Status_ReplyDueAt",
                table: "SupervisionNotice",
                columns: new[] { "Status", "ReplyDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_UnitId_IssuedAt",
                table: "SupervisionNotice",
                columns: new[] { "UnitId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_Year_Seq",
                table: "SupervisionNotice",
                columns: new[] { "Year", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_Code",
                table: "Units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_DeputyId",
                table: "Units",
                column: "DeputyId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_HeadId",
                table: "Units",
                column: "HeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_CadreId",
                table: "Users",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_UnitId",
                table: "Users",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Username",
                table: "Users",
                column: "Username",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AccountabilityCases_Cadres_CadreId",
                table: "AccountabilityCases",
                column: "CadreId",
                principalTable: "Cadres",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AccountabilityCases_Cadres_DeputyId",
                table: "AccountabilityCases",
                column: "DeputyId",
                principalTable: "Cadres",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AccountabilityCases_Cadres_HeadId",
                table: "AccountabilityCases",
                column: "HeadId",
                principalTable: "Cadres",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AccountabilityCases_Clue_ClueId",
                table: "AccountabilityCases",
                column: "ClueId",
                principalTable: "Clue",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AccountabilityCases_Units_UnitId",
                table: "AccountabilityCases",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AnnualAssessments_Cadres_CadreId",
                table: "AnnualAssessments",
                column: "CadreId",
                principalTable: "Cadres",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AnnualAssessments_Units_UnitId",
                table: "AnnualAssessments",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Cadres_Units_UnitId",
                table: "Cadres",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Units_Cadres_DeputyId",
                table: "Units");

            migrationBuilder.DropForeignKey(
                name: "FK_Units_Cadres_HeadId",
                table: "Units");

            migrationBuilder.DropTable(
                name: "AnnualAssessments");

            migrationBuilder.DropTable(
                name: "ApiKey");

            migrationBuilder.DropTable(
                name: "Attachment");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Bulletin");

            migrationBuilder.DropTable(
                name: "CaseAlert");

            migrationBuilder.DropTable(
                name: "CaseEvent");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EvaluationCampaignGroups");

            migrationBuilder.DropTable(
                name: "EvaluationCampaignUnits");

            migrationBuilder.DropTable(
                name: "EvaluationConsequences");

            migrationBuilder.DropTable(
                name: "EvaluationRatings");

            migrationBuilder.DropTable(
                name: "EvaluationResults");

            migrationBuilder.DropTable(
                name: "Exemptions");

            migrationBuilder.DropTable(
                name: "ExtensionRequest");

            migrationBuilder.DropTable(
                name: "HolidayDays");

            migrationBuilder.DropTable(
                name: "IdentityView");

            migrationBuilder.DropTable(
                name: "ImportMapping");

            migrationBuilder.DropTable(
                name: "Notification");

            migrationBuilder.DropTable(
                name: "OutboxMessage");

            migrationBuilder.DropTable(
                name: "ProblemType");

            migrationBuilder.DropTable(
                name: "ProgressReport");

            migrationBuilder.DropTable(
                name: "Rating");

            migrationBuilder.DropTable(
                name: "ReturnRequest");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "SupervisionNotice");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "EvaluationBallots");

            migrationBuilder.DropTable(
                name: "AccountabilityCases");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "Case");

            migrationBuilder.DropTable(
                name: "EvaluationCampaigns");

            migrationBuilder.DropTable(
                name: "Clue");

            migrationBuilder.DropTable(
                name: "Category");

            migrationBuilder.DropTable(
                name: "Cadres");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
