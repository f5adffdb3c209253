using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Admin;

/// <summary>Administrators choose how new leads are assigned: the pool, round-robin, by province or industry rules, or by workload.</summary>
public sealed partial class LeadAssignmentPage
{
    private static readonly string[] WatchedTypes = [nameof(LeadAssignmentSettings)];

    private FieldErrors _errors = default!;
    private Actor _actor = Actor.Nobody;
    private IReadOnlyList<UserChip> _users = [];
    private IReadOnlyList<TeamChip> _teams = [];
    private LeadAssignmentMode _mode;
    private int? _teamId;
    private List<RuleLine> _rules = [];
    private long? _version;

    [Inject]
    private LeadRouting Routing { get; set; } = default!;

    [Inject]
    private CustomerLookups Lookups { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _users = await Lookups.OwnersAsync(_actor);
        _teams = await Lookups.TeamsAsync(_actor);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var setup = await Routing.GetAsync(_actor);
        (_mode, _teamId, _version) = (setup.Mode, setup.TeamId, setup.Version);
        _rules = setup.Rules.Select(r => new RuleLine { Kind = r.Kind, Value = r.Value, Target = r.UserId is { } u ? $"u{u}" : $"t{r.TeamId}" }).ToList();
    }

    private void AddRule() =>
        _rules.Add(new RuleLine { Kind = _mode == LeadAssignmentMode.ByIndustry ? LeadRuleKind.Industry : LeadRuleKind.Province });

    private async Task SaveAsync()
    {
        var setup = new LeadAssignmentSetup(_mode, _teamId, _rules.Select(r => r.ToInput()).ToList(), _version!.Value);
        if (await _errors.TryAsync(() => Routing.UpdateAsync(_actor, setup)))
        {
            await LoadAsync();
            Snackbar.Add(L["Common.Saved"], Severity.Success);
        }
    }

    /// <summary>A rule line being edited; the target is "u{id}" for a user or "t{id}" for a team.</summary>
    private sealed class RuleLine
    {
        public LeadRuleKind Kind { get; set; }

        public string Value { get; set; } = "";

        public string? Target { get; set; }

        public LeadRuleInput ToInput() => new(Kind, Value, Id('u'), Id('t'));

        private int? Id(char prefix) =>
            Target is { Length: > 1 } t && t[0] == prefix ? int.Parse(t[1..], CultureInfo.InvariantCulture) : null;
    }
}
