using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReplyFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReplyFlags",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SimilarCaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyFlags", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReplyFlags_At",
                table: "ReplyFlags",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyFlags_CaseId",
                table: "ReplyFlags",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyFlags_UnitId_At",
                table: "ReplyFlags",
                columns: new[] { "UnitId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReplyFlags");
        }
    }
}
