using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Web.Bench;

/// <summary>
/// The customer list and profile, timed server-side as issue #3's budgets are set: the Core
/// services the pages and the API call, called in-process as the acting user, without HTTP or
/// rendering. Every call checks its answer, so that a fast empty page never passes for a fast one.
/// </summary>
internal sealed class BenchCustomerScenarios(IServiceProvider services, BenchCustomerSample sample)
{
    /// <summary>The customer list's default page size.</summary>
    private const int PageSize = 25;

    /// <summary>How many interactions the profile's timeline shows before the user scrolls.</summary>
    private const int TimelinePageSize = 20;

    private readonly CustomerDirectory _directory = services.GetRequiredService<CustomerDirectory>();
    private readonly CustomerContacts _contacts = services.GetRequiredService<CustomerContacts>();
    private readonly CustomerTimeline _timeline = services.GetRequiredService<CustomerTimeline>();

    public IReadOnlyList<BenchScenario> List() =>
    [
        Page("customers: first page (admin)", sample.Admin, new CustomerQuery()),
        Page("customers: first page (manager)", sample.Manager, new CustomerQuery()),
        Page("customers: first page (rep)", sample.Rep, new CustomerQuery()),
        Page("customers: search name fragment (admin)", sample.Admin, new CustomerQuery { Search = sample.NameFragment }),
        Page("customers: search name fragment (manager)", sample.Manager, new CustomerQuery { Search = sample.NameFragment }, sample.ProfileCustomerId),
        Page("customers: search name fragment (rep)", sample.Rep, new CustomerQuery { Search = sample.NameFragment }, sample.ProfileCustomerId),
        Page("customers: search phone digits (admin)", sample.Admin, new CustomerQuery { Search = sample.PhoneDigits }, sample.ProfileCustomerId),
        Page("customers: search contact e-mail (admin)", sample.Admin, new CustomerQuery { Search = sample.Email }, sample.ProfileCustomerId),
        Page("customers: sort by name (admin)", sample.Admin, new CustomerQuery { Sort = "name" }),
        Page("customers: sort by -lastInteractionAt (admin)", sample.Admin, new CustomerQuery { Sort = "-lastInteractionAt" }),
        Page("customers: sort by -updatedAt (admin)", sample.Admin, new CustomerQuery { Sort = "-updatedAt" }),
        Page("customers: grade B + active (admin)", sample.Admin, new CustomerQuery { GradeId = 2, Status = CustomerStatus.Active }),
        new("customer profile (rep)", OpenProfileAsync),
    ];

    /// <summary>A list page that must have rows, and <paramref name="expectedId"/> among them when given.</summary>
    private BenchScenario Page(string name, Actor actor, CustomerQuery query, int? expectedId = null) =>
        new(name, async () =>
        {
            var page = await _directory.ListAsync(actor, query with { PageSize = PageSize });
            if (page.Items.Count == 0 || (expectedId is { } id && page.Items.All(c => c.Id != id)))
            {
                throw new UnexpectedResponseException($"{name}: {page.Items.Count} of {page.Total} customers, expected {(expectedId is null ? "some" : $"customer {expectedId}")}.");
            }
        });

    /// <summary>What opening a customer's profile loads: the customer, its contacts and the timeline's first page.</summary>
    private async Task OpenProfileAsync()
    {
        var profile = await _directory.GetAsync(sample.Rep, sample.ProfileCustomerId);
        var contacts = await _contacts.ListAsync(sample.Rep, sample.ProfileCustomerId);
        var timeline = await _timeline.ListAsync(sample.Rep, sample.ProfileCustomerId, 0, TimelinePageSize);
        if (profile.Id != sample.ProfileCustomerId || contacts.Count == 0 || timeline.Items.Count == 0)
        {
            throw new UnexpectedResponseException($"customer profile: customer {profile.Id}, {contacts.Count} contacts, {timeline.Items.Count} interactions.");
        }
    }
}
