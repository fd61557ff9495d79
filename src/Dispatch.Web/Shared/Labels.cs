using Dispatch.Contracts.V1;

namespace Dispatch.Web.Shared;

/// <summary>
/// Every label of the app in zh-CN (the default: these are Chinese communities) and English, switched by the
/// language button and remembered on the phone. Data from the server (ids, buildings, instructions) is shown as sent.
/// </summary>
public sealed class Labels(LocalStore store)
{
    private const string StoreKey = "dispatch.language";

    private static readonly Dictionary<string, (string Zh, string En)> s_text = new(StringComparer.Ordinal)
    {
        ["app.title"] = ("社区配送", "Community delivery"),
        ["app.language"] = ("English", "中文"),
        ["home.volunteer"] = ("我是志愿者", "I am a volunteer"),
        ["home.volunteer.hint"] = ("今天的送货路线、报告送达", "Today's route, report deliveries"),
        ["home.household"] = ("我是住户", "I am a household"),
        ["home.household.hint"] = ("查看订单到哪了、确认码", "Where my order is, my code"),
        ["home.board"] = ("门口看板", "Gate board"),
        ["home.board.hint"] = ("消杀批次、取货时段、志愿者", "Cycles, pickup windows, volunteers"),
        ["signin.title"] = ("志愿者登录", "Volunteer sign-in"),
        ["signin.volunteer"] = ("志愿者编号", "Volunteer id"),
        ["signin.key"] = ("密钥", "Key"),
        ["signin.go"] = ("登录", "Sign in"),
        ["signin.out"] = ("退出", "Sign out"),
        ["signin.missing"] = ("请填写编号和密钥", "Enter your id and key"),
        ["feed.connecting"] = ("正在连接…", "Connecting…"),
        ["feed.live"] = ("在线", "Live"),
        ["feed.reconnecting"] = ("网络断开,正在重连…", "Offline, reconnecting…"),
        ["feed.version"] = ("路线版本", "Route version"),
        ["feed.updated"] = ("路线已更新", "Route updated"),
        ["feed.denied"] = ("密钥不对或无权查看此志愿者", "Wrong key, or not allowed for this volunteer"),
        ["feed.unknown"] = ("没有这个志愿者", "No such volunteer"),
        ["route.none"] = ("今天还没有给你安排路线", "No route for you yet today"),
        ["route.unavailable"] = ("你已标记为暂停服务", "You are marked unavailable"),
        ["trip"] = ("第{0}趟", "Trip {0}"),
        ["trip.leave"] = ("出发", "Leave"),
        ["trip.back"] = ("回到门口", "Back at gate"),
        ["trip.carry"] = ("要带的东西", "What to carry"),
        ["trip.start"] = ("出发送货", "Start trip"),
        ["trip.started"] = ("已出发", "Started"),
        ["trip.doors"] = ("按顺序送到这些门", "Doors, in order"),
        ["door.parcel"] = ("第{0}/{1}件", "parcel {0}/{1}"),
        ["door.floor"] = ("{0}层", "floor {0}"),
        ["door.elevator"] = ("有电梯", "elevator"),
        ["door.stairs"] = ("无电梯", "no elevator"),
        ["door.vulnerable"] = ("需送上楼", "Carry upstairs"),
        ["door.code"] = ("住户确认码", "Household's code"),
        ["door.delivered"] = ("已送达", "Delivered"),
        ["door.failed"] = ("未送达", "Not delivered"),
        ["door.planned"] = ("待送", "To deliver"),
        ["door.report.delivered"] = ("送达", "Delivered"),
        ["door.report.failed"] = ("送不了", "Could not deliver"),
        ["door.reason"] = ("原因", "Reason"),
        ["door.time"] = ("到门时间", "At the door"),
        ["reason.NoAnswer"] = ("没人应门", "No answer"),
        ["reason.WrongAddress"] = ("地址不对", "Wrong address"),
        ["reason.Refused"] = ("住户拒收", "Refused"),
        ["reason.GoodsDamaged"] = ("货物损坏", "Goods damaged"),
        ["pickup.title"] = ("门口取货", "Pickups at the gate"),
        ["pickup.order"] = ("订单号", "Order id"),
        ["pickup.code"] = ("住户确认码", "Household's code"),
        ["pickup.confirm"] = ("确认取货", "Confirm pickup"),
        ["outbox.unsent"] = ("还有{0}条报告未发送,联网后自动发送", "{0} report(s) not sent yet: they go when the connection is back"),
        ["outbox.allsent"] = ("所有报告都已发送", "All reports sent"),
        ["outbox.sending"] = ("发送中", "sending"),
        ["outbox.waiting"] = ("等待网络", "waiting for connection"),
        ["report.start"] = ("出发 第{0}趟", "Start trip {0}"),
        ["report.delivered"] = ("送达 {0}", "Delivered {0}"),
        ["report.failed"] = ("未送达 {0}", "Not delivered {0}"),
        ["report.pickup"] = ("取货 {0}", "Pickup {0}"),
        ["report.ok"] = ("已记录", "Recorded"),
        ["report.wrongcode"] = ("确认码不对,请再问一次住户", "Wrong code: ask the household again"),
        ["report.refused"] = ("服务器没有接受", "Not accepted"),
        ["report.missingcode"] = ("请先输入住户的确认码", "Enter the household's code first"),
        ["map.gate"] = ("门", "Gate"),
        ["map.north"] = ("北", "N"),
        ["board.signin.title"] = ("门口看板登录", "Gate board sign-in"),
        ["board.key"] = ("组长或调度员密钥", "Gate leader or planner key"),
        ["board.missing"] = ("请填写密钥", "Enter your key"),
        ["board.denied"] = ("密钥不对或无权查看看板", "Wrong key, or not allowed to see gate boards"),
        ["board.offline"] = ("连不上服务器,请稍后再试", "Cannot reach the server; try again"),
        ["board.notfound"] = ("没有这个门口,或这天还没有计划", "No such gate, or no plan for the day"),
        ["board.noday"] = ("还没有任何一天的计划", "No day has a plan yet"),
        ["board.pick"] = ("选择门口", "Choose a gate"),
        ["board.change"] = ("换一个门口", "Another gate"),
        ["board.now"] = ("现在", "Now"),
        ["board.version"] = ("计划版本", "Plan version"),
        ["board.planonly"] = ("这是计划,还不是正在配送的一天", "Plan only: not the day being delivered"),
        ["board.late"] = ("迟了", "Late"),
        ["board.late.none"] = ("目前没有迟的", "Nothing is late"),
        ["board.lateby"] = ("迟{0}分钟", "{0} min late"),
        ["board.more"] = ("还有{0}条", "{0} more"),
        ["board.cycles"] = ("消杀批次", "Disinfection cycles"),
        ["board.time"] = ("时间", "Time"),
        ["board.load"] = ("消杀区", "Disinfection zone"),
        ["board.storage"] = ("存储区", "Storage zone"),
        ["board.pickups"] = ("取货时段", "Pickup windows"),
        ["board.pickups.none"] = ("今天没有取货时段", "No pickup windows today"),
        ["board.cap"] = ("同时最多{0}人", "at most {0} people at once"),
        ["board.households"] = ("户数", "Households"),
        ["board.people"] = ("{0}/{1}户", "{0}/{1} households"),
        ["board.volunteers"] = ("志愿者", "Volunteers"),
        ["board.trips"] = ("趟次", "Trips"),
        ["board.off"] = ("已暂停", "unavailable"),
        ["board.done"] = ("送达{0}/{1}", "{0}/{1} delivered"),
        ["board.failed"] = ("未送达{0}", "{0} not delivered"),
        ["late.TripNotStarted"] = ("还没出发", "Trip not started"),
        ["late.DoorNotReported"] = ("未报告", "Door not reported"),
        ["late.PickupNotCollected"] = ("没来取货", "Not collected"),
        ["late.ServedAfterDeadline"] = ("计划晚于截止时间", "Planned after the deadline"),
        ["link.title"] = ("给志愿者发登录链接", "Sign-in link for a volunteer"),
        ["link.make"] = ("生成一次性链接", "Make a one-time link"),
        ["link.missing"] = ("请填写志愿者编号", "Enter the volunteer's id"),
        ["link.for"] = ("志愿者 {0}", "Volunteer {0}"),
        ["link.until"] = ("有效至 {0}", "valid until {0}"),
        ["link.once"] = ("这个链接只能用一次:请直接发给这位志愿者", "This link works once: send it to this volunteer only"),
        ["link.redeeming"] = ("正在用登录链接登录…", "Signing in with the link…"),
        ["link.used"] = ("这个登录链接已经用过或已过期,请向门口组长要一个新的", "This sign-in link was already used or has expired: ask the gate leader for a new one"),
        ["link.unknown"] = ("这个登录链接无效,请向门口组长要一个新的", "This sign-in link is not valid: ask the gate leader for a new one"),
        ["household.title"] = ("查看我的订单", "My order"),
        ["household.hint"] = ("填写超市确认信息里的订单号和查询码", "Enter the order id and the access code from the supermarket's confirmation"),
        ["household.token"] = ("查询码", "Access code"),
        ["household.go"] = ("查看", "Show my order"),
        ["household.missing"] = ("请填写订单号和查询码", "Enter the order id and the access code"),
        ["household.wrong"] = ("订单号或查询码不对,请对照超市的确认信息再输入一次", "Order id or access code is wrong: check them against the supermarket's confirmation"),
        ["household.other"] = ("查看另一个订单", "Another order"),
        ["household.code"] = ("确认码", "Confirmation code"),
        ["household.code.hint"] = ("送货或取货时把这个号码告诉志愿者,不用开门接触", "Tell the volunteer this number at the door or the gate: no contact needed"),
        ["household.steps"] = ("进度", "Progress"),
        ["household.lines"] = ("订了什么", "What you ordered"),
        ["household.door"] = ("志愿者约 {0} 送到门口", "A volunteer brings it to your door at about {0}"),
        ["household.window"] = ("请在 {0}–{1} 到 {2} 取货", "Collect it at {2} between {0} and {1}"),
        ["household.free"] = ("{0} 以后可以到 {1} 取货", "Collect it at {1} from {0} on"),
        ["household.notplanned"] = ("还在安排中", "Not planned yet"),
        ["household.unfilled"] = ("超市今天缺货,没能安排", "Out of stock today: not planned"),
        ["household.done"] = ("已经送到,谢谢", "Done: thank you"),
        ["status.Received"] = ("已收到订单", "Order received"),
        ["status.Planned"] = ("已安排", "Planned"),
        ["status.Slotted"] = ("已安排取货时段", "Pickup window set"),
        ["status.OnTruck"] = ("在车上", "On the truck"),
        ["status.Disinfecting"] = ("在门口消杀", "Being disinfected at the gate"),
        ["status.Released"] = ("消杀完成", "Disinfected and rested"),
        ["status.OutForDelivery"] = ("正在送货", "Out for delivery"),
        ["status.Delivered"] = ("已送到门口", "Delivered to your door"),
        ["status.Failed"] = ("这次没送到", "Could not be delivered this time"),
        ["status.PickedUp"] = ("已取货", "Picked up"),
        ["status.Unfilled"] = ("缺货", "Out of stock"),
        ["status.Cancelled"] = ("已取消", "Cancelled"),
        ["status.Unspecified"] = ("未知", "Unknown"),
        ["bundle.MeatAndVegetable"] = ("肉菜包", "meat-and-vegetable bundle"),
        ["bundle.Vegetable"] = ("蔬菜包", "vegetable bundle"),
        ["bundle.RiceAndFlour"] = ("米面包", "rice-and-flour bundle"),
        ["bundle.Medicine"] = ("药品包", "medicine pack"),
    };

    public bool English { get; private set; }

    public event Action? Changed;

    public string this[string key] => s_text.TryGetValue(key, out var text) ? (English ? text.En : text.Zh) : key;

    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public string Bundle(BundleKind kind) => this["bundle." + kind];

    public string Reason(FailureReason reason) => this["reason." + reason];

    public async Task LoadAsync() => English = await store.GetAsync(StoreKey) == "en";

    public async Task ToggleAsync()
    {
        English = !English;
        await store.SetAsync(StoreKey, English ? "en" : "zh-CN");
        Changed?.Invoke();
    }
}
