using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunningFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureDelta",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Metric = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureDelta", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyFigure",
                columns: table => new
                {
                    Metric = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigure", x => new { x.Month, x.Metric, x.UnitId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rating_At",
                table: "Rating",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Rating_UnitId_At",
                table: "Rating",
                columns: new[] { "UnitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FigureDelta_Month",
                table: "FigureDelta",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureDelta");

            migrationBuilder.DropTable(
                name: "MonthlyFigure");

            migrationBuilder.DropIndex(
                name: "IX_Rating_At",
                table: "Rating");

            migrationBuilder.DropIndex(
                name: "IX_Rating_UnitId_At",
                table: "Rating");
        }
    }
}
