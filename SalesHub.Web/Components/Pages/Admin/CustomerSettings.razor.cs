using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Web.Components.Pages.Admin.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Admin;

/// <summary>Administrators define the grades customers are ranked by and look after the tags reps put on them.</summary>
public sealed partial class CustomerSettings
{
    private static readonly string[] WatchedTypes = [nameof(CustomerGrade), nameof(Tag)];
    private IReadOnlyList<GradeRow>? _grades;
    private IReadOnlyList<TagRow>? _tags;

    [Inject]
    private Core.Customers.CustomerSettings Settings { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string ChipStyle(string color) => $"background-color:{color};color:#fff";

    private async Task LoadAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _grades = await Settings.ListGradesAsync(actor);
        _tags = await Settings.ListTagsAsync(actor);
    }

    private async Task EditGradeAsync(GradeRow? grade)
    {
        var actor = await CurrentActor.GetAsync();
        await EditAsync(
            grade is null ? L["Grades.New"] : L["Grades.Edit", grade.Name], grade?.Name, grade?.Color, CustomerGrade.NameMaxLength,
            (name, color) => grade is null
                ? Settings.CreateGradeAsync(actor, name, color)
                : Settings.UpdateGradeAsync(actor, grade.Id, name, color, grade.Version));
    }

    private async Task EditTagAsync(TagRow? tag)
    {
        var actor = await CurrentActor.GetAsync();
        await EditAsync(
            tag is null ? L["Tags.New"] : L["Tags.Edit", tag.Name], tag?.Name, tag?.Color, Tag.NameMaxLength,
            (name, color) => tag is null
                ? Settings.CreateTagAsync(actor, name, color)
                : Settings.UpdateTagAsync(actor, tag.Id, name, color, tag.Version));
    }

    private async Task EditAsync(string title, string? name, string? color, int maxLength, Func<string, string?, Task> save)
    {
        var parameters = new DialogParameters<LabelDialog>
        {
            { d => d.Name, name },
            { d => d.LabelColor, color },
            { d => d.MaxLength, maxLength },
            { d => d.Save, save },
        };
        var dialog = await Dialogs.ShowAsync<LabelDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task MoveGradeAsync(GradeRow grade, int step)
    {
        var order = _grades!.Select(g => g.Id).ToList();
        var index = order.IndexOf(grade.Id);
        (order[index], order[index + step]) = (order[index + step], order[index]);
        var actor = await CurrentActor.GetAsync();
        await new FieldErrors(Messages, Snackbar).TryAsync(() => Settings.ReorderGradesAsync(actor, order));
        await LoadAsync();
    }

    private async Task DeleteGradeAsync(GradeRow grade)
    {
        var actor = await CurrentActor.GetAsync();
        await DeleteAsync(L["Grades.DeleteConfirm", grade.Name, grade.CustomerCount], () => Settings.DeleteGradeAsync(actor, grade.Id, grade.Version));
    }

    private async Task DeleteTagAsync(TagRow tag)
    {
        var actor = await CurrentActor.GetAsync();
        await DeleteAsync(L["Tags.DeleteConfirm", tag.Name, tag.CustomerCount], () => Settings.DeleteTagAsync(actor, tag.Id, tag.Version));
    }

    private async Task DeleteAsync(string question, Func<Task> delete)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Common.Delete"], question, yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true && await new FieldErrors(Messages, Snackbar).TryAsync(delete))
        {
            Snackbar.Add(L["Common.Deleted"], Severity.Success);
            await LoadAsync();
        }
    }
}
