using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConductReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConductReport",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FollowUpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AccusedUnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AccusedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterNameEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReporterPhoneEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReporterPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AcknowledgeDueAt = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "bigint", nullable: true),
                    CheckDueAt = table.Column<long>(type: "bigint", nullable: true),
                    Finding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ConcludedAt = table.Column<long>(type: "bigint", nullable: true),
                    FeedbackDueAt = table.Column<long>(type: "bigint", nullable: true),
                    FeedbackAt = table.Column<long>(type: "bigint", nullable: true),
                    ForwardedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClueId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConductReport", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportIdentityView",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReportId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ViewerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportIdentityView", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportIdentityView_ConductReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ConductReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMessage",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReportId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMessage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMessage_ConductReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ConductReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConductReport_FollowUpHash",
                table: "ConductReport",
                column: "FollowUpHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConductReport_Number",
                table: "ConductReport",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConductReport_ReporterPhoneHash",
                table: "ConductReport",
                column: "ReporterPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_ConductReport_Status_ReceivedAt",
                table: "ConductReport",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportIdentityView_ReportId",
                table: "ReportIdentityView",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessage_ReportId_At",
                table: "ReportMessage",
                columns: new[] { "ReportId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportIdentityView");

            migrationBuilder.DropTable(
                name: "ReportMessage");

            migrationBuilder.DropTable(
                name: "ConductReport");
        }
    }
}
