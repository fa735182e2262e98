using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FiguresByArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Registered and overdue cases are now counted per area: the counts are dropped here and rebuilt from the records at
            // the first start (FigureRecount.EnsureBuiltAsync), as after the upgrade that introduced them.
            migrationBuilder.Sql("DELETE FROM \"FigureDelta\";");
            migrationBuilder.Sql("DELETE FROM \"MonthlyFigure\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"FigureDelta\";");
            migrationBuilder.Sql("DELETE FROM \"MonthlyFigure\";");
        }
    }
}
