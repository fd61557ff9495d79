using Dispatch.Contracts.V1;
using Dispatch.Web.Tests.Infrastructure;

namespace Dispatch.Web.Tests;

/// <summary>A gate leader's board on a phone-sized headless Chromium, following the seeded day live.</summary>
[Collection(SeededDayCollection.Name)]
public sealed class GateBoardPageTests(SeededDay day) : IDisposable
{
    private readonly Browser _browser = new(day.WebAddress);

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_gate_leader_sees_the_gates_cycles_and_the_board_follows_a_new_plan_version()
    {
        // The last gate with volunteers: the volunteer tests take theirs from the first ones.
        var gateId = day.Plan.Gates.Where(g => g.VolunteersRouted > 1 && g.Cycles > 0).OrderBy(g => g.GateId, StringComparer.Ordinal).Last().GateId;
        var gatePlan = await day.PlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = day.Scenario.District.Id, Day = SeededDay.Day, GateId = gateId }, deadline: Deadlines.Soon);
        int version = (await day.PlanningClient().GetPlanAsync(new GetPlanRequest { DistrictId = day.Scenario.District.Id, Day = SeededDay.Day }, deadline: Deadlines.Soon)).Version;

        _browser.Open("/board");
        _browser.Type("#board-key", SeededDay.PlannerKey);
        _browser.Click("#board-signin-go");
        _browser.Click($"button.gate-choice[data-gate='{gateId}']");

        _browser.Find($"#board-cycles[data-cycles='{gatePlan.Cycles.Count}']");
        Assert.Equal(version.ToString(), _browser.Find("#board-version").GetAttribute("data-version"));
        var rows = _browser.FindAll("#board-cycles tr.cycle");
        Assert.Equal(gatePlan.Cycles.Count, rows.Count);
        Assert.Contains($"{Clock(gatePlan.Cycles[0].StartSeconds)}–{Clock(gatePlan.Cycles[0].EndSeconds)}", rows[0].Text);
        Assert.Contains("消杀批次", _browser.Find("#board-cycles").Text);
        Assert.Equal(gatePlan.Slots.Count, _browser.FindAll("#board-slots tr.slot").Count);
        foreach (var route in gatePlan.DoorRoutes)
        {
            _browser.Find($"#board-volunteers tr.volunteer[data-volunteer='{route.VolunteerId}']");
        }

        _browser.Screenshot("gate-board");

        // A volunteer drops out: the gate is re-planned and the board shows the new version without a reload.
        string leaving = gatePlan.DoorRoutes[^1].VolunteerId;
        var dropped = await day.VolunteersClient().SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = leaving, Available = false }, deadline: Deadlines.Soon);
        Assert.True(dropped.PlanVersion > version);
        _browser.Find($"#board-version[data-version='{dropped.PlanVersion}']");
        Assert.Contains("已暂停", _browser.Find($"tr.volunteer[data-volunteer='{leaving}']").Text);
        Assert.Equal("Live", _browser.Find("#board-status").GetAttribute("data-state"));

        _browser.Click("#language");
        _browser.WaitForText("#board-cycles h2", t => t.Contains("Disinfection cycles"));
        _browser.Screenshot("gate-board-replanned-english");
        _browser.Click("#language");
    }

    [Fact]
    public void A_wrong_board_key_says_so_and_stays_on_the_sign_in()
    {
        _browser.Open("/board");
        _browser.Type("#board-key", "not-a-key");
        _browser.Click("#board-signin-go");

        Assert.Contains("密钥不对", _browser.WaitForText("#board-note", t => t.Length > 0));
        _browser.Find("#board-key");
    }

    private static string Clock(int seconds) => $"{seconds / 3600:00}:{seconds % 3600 / 60:00}";
}
