using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountabilityCaseId",
                table: "EvaluationConsequences",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BulletinId",
                table: "EvaluationConsequences",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EvaluationConsequences",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccountabilityCaseId",
                table: "EvaluationConsequences");

            migrationBuilder.DropColumn(
                name: "BulletinId",
                table: "EvaluationConsequences");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EvaluationConsequences");
        }
    }
}
