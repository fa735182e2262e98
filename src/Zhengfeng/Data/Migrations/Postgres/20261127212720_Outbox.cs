using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "OutboxMessage",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "OutboxMessage",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAttemptAt",
                table: "OutboxMessage",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "OutboxMessage",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_FailedAt_CreatedAt",
                table: "OutboxMessage",
                columns: new[] { "FailedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessage_FailedAt_CreatedAt",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "LastAttemptAt",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "OutboxMessage");
        }
    }
}
