using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Interventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interventions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IntervenerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IntervenerOrg = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RelatedNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Request = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedByUnitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Units_RecordedByUnitId",
                        column: x => x.RecordedByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_IntervenerName",
                table: "Interventions",
                column: "IntervenerName");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_OccurredAt",
                table: "Interventions",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_RecordedBy",
                table: "Interventions",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_RecordedByUnitId",
                table: "Interventions",
                column: "RecordedByUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Interventions");
        }
    }
}
