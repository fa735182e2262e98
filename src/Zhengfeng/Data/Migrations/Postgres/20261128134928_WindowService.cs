using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WindowService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceItem",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PromisedDays = table.Column<int>(type: "integer", nullable: false),
                    LegalDays = table.Column<int>(type: "integer", nullable: false),
                    Materials = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fees = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceItem_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WindowVisit",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    ApplicantNameEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApplicantPhoneEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApplicantPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FirstReceiverId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstReceiverName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MissingMaterials = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ToldAt = table.Column<long>(type: "bigint", nullable: true),
                    TransferredToUnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TransferNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TransferredAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OnTheSpot = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatOfId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowVisit_ServiceItem_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WindowVisit_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItem_UnitId_Name",
                table: "ServiceItem",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_ApplicantPhoneHash_ServiceItemId",
                table: "WindowVisit",
                columns: new[] { "ApplicantPhoneHash", "ServiceItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_Number",
                table: "WindowVisit",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_ServiceItemId",
                table: "WindowVisit",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_TransferredToUnitId",
                table: "WindowVisit",
                column: "TransferredToUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_UnitId_ReceivedAt",
                table: "WindowVisit",
                columns: new[] { "UnitId", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WindowVisit");

            migrationBuilder.DropTable(
                name: "ServiceItem");
        }
    }
}
