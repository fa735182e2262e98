using Zhengfeng.Features.Bulletins;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class BulletinDriver : WorkflowDriver<Bulletin, BulletinStatus, BulletinAction>
{
    public override StateMachine<BulletinStatus, BulletinAction> Table => Bulletin.Table;

    protected override Bulletin At(BulletinStatus status)
    {
        var bulletin = new Bulletin
        {
            Id = Guid.NewGuid().ToString("N"), Kind = BulletinKind.Criticism, OrganName = "中共X县纪委办公室", Prefix = "X纪办发",
            Title = "关于……的通报", Recipients = "各单位", Body = "正文", PrintedBy = "中共X县纪委办公室", CreatedBy = "supervisor", CreatedAt = Now,
        };
        if (status == BulletinStatus.Issued)
        {
            Do(bulletin, BulletinAction.Issue);
        }
        return bulletin;
    }

    protected override void Do(Bulletin item, BulletinAction action)
        => item.Issue(1, DateOnly.FromDateTime(Now.Date), "supervisor", Now);

    protected override BulletinStatus StatusOf(Bulletin item) => item.Status;
}
