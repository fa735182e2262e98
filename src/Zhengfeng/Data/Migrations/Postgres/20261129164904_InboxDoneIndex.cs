using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxDoneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Case_LeadUnitId_RepliedAt",
                table: "Case");

            migrationBuilder.CreateIndex(
                name: "IX_Case_LeadUnitId_RepliedAt_Status",
                table: "Case",
                columns: new[] { "LeadUnitId", "RepliedAt", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Case_LeadUnitId_RepliedAt_Status",
                table: "Case");

            migrationBuilder.CreateIndex(
                name: "IX_Case_LeadUnitId_RepliedAt",
                table: "Case",
                columns: new[] { "LeadUnitId", "RepliedAt" });
        }
    }
}
