using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TypicalCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TypicalCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Lesson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DraftedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DraftedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DraftedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    WithdrawnByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublicTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublicFacts = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    PublicLesson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TypicalCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TypicalCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TypicalCases_SourceType_SourceId",
                table: "TypicalCases",
                columns: new[] { "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_TypicalCases_Status_PublishedAt",
                table: "TypicalCases",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TypicalCases_UnitId",
                table: "TypicalCases",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TypicalCases");
        }
    }
}
