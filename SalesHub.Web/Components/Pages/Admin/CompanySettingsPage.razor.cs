using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SalesHub.Core.Company;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Admin;

/// <summary>
/// Administrators set the company's identity and letterhead, its currency and tax rounding, what a
/// new quote starts with, and how far each role may discount a line before a manager approves.
/// </summary>
public sealed partial class CompanySettingsPage
{
    private CompanySnapshot? _snapshot;
    private CompanySettingsForm? _form;
    private FieldErrors _errors = default!;
    private MudFileUpload<IBrowserFile>? _upload;
    private bool _saving;
    private bool _uploading;

    [Inject]
    private CompanySettings Settings { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private static string Accept => string.Join(",", CompanySettings.AcceptedLogoExtensions.Select(e => "." + e));

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _snapshot = await Settings.GetAsync();
        _form = CompanySettingsForm.From(_snapshot.Details);
    }

    private string Label(string field) => Messages.FieldLabel(nameof(CompanyProfile), field);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            if (await _errors.TryAsync(async () => _snapshot = await Settings.UpdateAsync(actor, _form!.ToDetails(), _snapshot!.Version)))
            {
                _form = CompanySettingsForm.From(_snapshot!.Details);
                Snackbar.Add(L["Common.Saved"], Severity.Success);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task UploadLogoAsync(InputFileChangeEventArgs args)
    {
        var file = args.File;
        _uploading = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            await _errors.TryAsync(async () =>
            {
                // Refuse what the browser already tells us is wrong before sending any byte.
                CompanySettings.RequireAcceptableLogo(file.Name, file.Size);
                await using var content = file.OpenReadStream(CompanySettings.LogoMaxBytes);
                KeepVersion(await Settings.UploadLogoAsync(actor, file.Name, content, _snapshot!.Version));
            });
        }
        finally
        {
            _uploading = false;
            if (_upload is not null)
            {
                await _upload.ClearAsync();
            }
        }
    }

    private async Task RemoveLogoAsync()
    {
        var actor = await CurrentActor.GetAsync();
        await _errors.TryAsync(async () => KeepVersion(await Settings.RemoveLogoAsync(actor, _snapshot!.Version)));
    }

    /// <summary>After a logo change: the new version, and the logo, without touching what is being typed in the form.</summary>
    private void KeepVersion(CompanySnapshot saved)
    {
        _snapshot = _snapshot! with { HasLogo = saved.HasLogo, Version = saved.Version };
        Snackbar.Add(L["Common.Saved"], Severity.Success);
    }
}
