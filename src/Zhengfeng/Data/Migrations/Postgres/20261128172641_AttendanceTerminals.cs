using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttendanceTerminals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomTerminal",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NoColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DepartmentColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DateTimeColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DateColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    InColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OutColumns = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomTerminal", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomTerminal_Code",
                table: "CustomTerminal",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomTerminal_Name",
                table: "CustomTerminal",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomTerminal");
        }
    }
}
