using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Records;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;

namespace SalesHub.Web.Bench;

/// <summary>What was generated, and the customer and search terms the measurements use.</summary>
internal sealed record BenchCustomerSample(
    int Customers,
    int Contacts,
    int Interactions,
    Actor Admin,
    Actor Manager,
    Actor Rep,
    int ProfileCustomerId,
    string NameFragment,
    string PhoneDigits,
    string Email);

/// <summary>
/// The dataset's customers, half Chinese and half English, spread over the bench users, with one
/// or two contacts each, tags, grades, a few shares and the dataset's number of interactions over
/// their last three years. Every record is built by the Core entities (so names, phone digits,
/// e-mail keys and search text follow the real rules) and written by prepared inserts in one
/// transaction: seconds for the mid size, where EF's change tracking would take far longer. Records
/// are stamped as a save would stamp them (version 1, created and updated times) but, being
/// generated, have no audit lines.
/// </summary>
internal static class BenchCustomers
{
    private const int Seed = 2027;
    private const int HistoryDays = 3 * 365;
    private const double SharedShare = 0.01;

    // While the bulk insert runs, a large page cache keeps the indexes' pages in memory; the
    // connection goes back to the pool with SQLite's default afterwards.
    private const string BulkCacheSize = "PRAGMA cache_size = -262144;";
    private const string DefaultCacheSize = "PRAGMA cache_size = -2000;";

    private static readonly (string Name, string Color)[] TagDefinitions =
    [
        ("VIP", Palette.Colors[1]), ("重点客户 Key account", Palette.Colors[2]), ("展会 2026", Palette.Colors[6]),
        ("Trade show 2026", Palette.Colors[6]), ("经销商 Distributor", Palette.Colors[5]), ("政府 Government", Palette.Colors[7]),
        ("海外 Overseas", Palette.Colors[8]), ("流失风险 Churn risk", Palette.Colors[9]),
    ];

    public static async Task<BenchCustomerSample> SeedAsync(IServiceProvider services, BenchDataset dataset)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>();
        var tags = await TagsAsync(factory);
        await using var db = await factory.CreateForAsync(Actor.System);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoCompany.AdminEmail);
        var owners = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith(BenchCompany.EmailPrefix)).OrderBy(u => u.Id).ToListAsync();
        var rep = owners.First(u => u.Role == Roles.SalesRep);
        var manager = owners.First(u => u.Role == Roles.SalesManager && u.TeamId == rep.TeamId);

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await ExecuteAsync(connection, BulkCacheSize);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using var generator = new Generator(db, transaction, services.GetRequiredService<TimeProvider>().GetUtcNow(), tags, owners.Select(u => u.Id).ToList(), rep.Id);
            for (var i = 0; i < dataset.Customers; i++)
            {
                generator.AddCustomer(averageInteractions: (double)dataset.Interactions / dataset.Customers);
            }

            await transaction.CommitAsync();
            var profile = generator.Profile ?? throw new InvalidOperationException("No customer of the measured rep was generated.");
            return new BenchCustomerSample(
                dataset.Customers, generator.ContactCount, generator.InteractionCount, Actor.For(admin), Actor.For(manager), Actor.For(rep),
                profile.Id, profile.NameFragment, profile.PhoneDigits, profile.Email);
        }
        finally
        {
            await ExecuteAsync(connection, DefaultCacheSize);
        }
    }

    /// <summary>The bench tags, made through EF like any tag; the demo company already has some of them.</summary>
    private static async Task<List<Tag>> TagsAsync(IDbContextFactory<SalesHubDbContext> factory)
    {
        await using var db = await factory.CreateForAsync(Actor.System);
        var names = TagDefinitions.Select(t => t.Name).ToList();
        var tags = await db.Tags.Where(t => names.Contains(t.Name)).ToListAsync();
        foreach (var (name, color) in TagDefinitions.Where(d => tags.All(t => t.Name != d.Name)))
        {
            var tag = new Tag();
            tag.Describe(name, color);
            db.Tags.Add(tag);
            tags.Add(tag);
        }

        await db.SaveChangesAsync();
        return tags;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first free key of <paramref name="table"/>: bulk-inserted rows are given their ids.</summary>
    internal static long NextId(SqliteTransaction transaction, string table)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The customer the profile and search measurements use: the measured rep's, with a timeline.</summary>
    private sealed record ProfileCustomer(int Id, string NameFragment, string PhoneDigits, string Email);

    /// <summary>What a customer's contacts take after it: its brand (a name fragment), region and mail domain.</summary>
    private sealed record Origin(string Brand, BenchRegion Region, string MailDomain);

    /// <summary>Builds and writes customers one at a time, drawing every choice from one seeded sequence.</summary>
    private sealed class Generator(SalesHubDbContext db, SqliteTransaction transaction, DateTimeOffset now, List<Tag> tags, List<int> owners, int profileOwnerId)
        : IDisposable
    {
        private readonly Random _random = new(Seed);
        private readonly BulkInsert _customers = BulkInsert.AllColumns(transaction, db.Model.FindEntityType(typeof(Customer))!);
        private readonly BulkInsert _contacts = BulkInsert.AllColumns(transaction, db.Model.FindEntityType(typeof(Contact))!);
        private readonly BulkInsert _interactions = BulkInsert.AllColumns(transaction, db.Model.FindEntityType(typeof(Interaction))!);
        private readonly BulkInsert _customerTags = BulkInsert.Columns(transaction, db.Model.FindEntityType("CustomerTags")!, "CustomersId", "TagsId");
        private readonly BulkInsert _shares = BulkInsert.Columns(
            transaction, db.Model.FindEntityType(typeof(RecordShare))!, nameof(RecordShare.RecordType), nameof(RecordShare.RecordId), nameof(RecordShare.UserId), nameof(RecordShare.SharedAt));

        private long _nextCustomerId = NextId(transaction, "Customers");
        private long _nextContactId = NextId(transaction, "Contacts");
        private long _nextInteractionId = NextId(transaction, "Interactions");

        public int ContactCount { get; private set; }

        public int InteractionCount { get; private set; }

        public ProfileCustomer? Profile { get; private set; }

        public void Dispose()
        {
            foreach (var insert in new[] { _customers, _contacts, _interactions, _customerTags, _shares })
            {
                insert.Dispose();
            }
        }

        public void AddCustomer(double averageInteractions)
        {
            var language = _random.Next(2) == 0 ? BenchLanguage.Chinese : BenchLanguage.English;
            var ownerId = owners[_random.Next(owners.Count)];
            var id = _nextCustomerId++;
            var createdAt = Before(now, HistoryDays);
            var (customer, origin) = NewCustomer(language, ownerId, createdAt);

            var contacts = new List<(Contact Contact, long Id)>();
            for (var count = _random.Next(1, 3); contacts.Count < count;)
            {
                var contact = NewContact(language, origin, primary: contacts.Count == 0, id, createdAt);
                customer.Contacts.Add(contact);
                contacts.Add((contact, _nextContactId++));
            }

            customer.Tags.AddRange(Tags());
            customer.RefreshSearchText();
            var timeline = Timeline(language, ownerId, id, contacts, createdAt, averageInteractions);
            customer.LastInteractionAt = timeline.Count == 0 ? null : timeline.Max(i => i.Entity.OccurredAt);

            // Parents first: SQLite checks each foreign key as the row goes in.
            _customers.Insert(customer, id);
            contacts.ForEach(c => _contacts.Insert(c.Contact, c.Id));
            timeline.ForEach(i => _interactions.Insert(i.Entity, i.Id));
            customer.Tags.ForEach(t => _customerTags.InsertValues(id, t.Id));
            if (_random.NextDouble() < SharedShare)
            {
                _shares.InsertValues(nameof(Customer), id, owners[_random.Next(owners.Count)], Before(now, 30));
            }

            ContactCount += contacts.Count;
            InteractionCount += timeline.Count;
            if (Profile is null && ownerId == profileOwnerId && language.IsChinese && timeline.Count >= 5)
            {
                var primary = contacts[0].Contact;
                Profile = new ProfileCustomer((int)id, origin.Brand, primary.MobileDigits, primary.Email!);
            }
        }

        private (Customer Customer, Origin Origin) NewCustomer(BenchLanguage language, int ownerId, DateTimeOffset createdAt)
        {
            var (start, end) = (Pick(language.BrandStarts), Pick(language.BrandEnds));
            var brand = start.Text + end.Text;
            var mailDomain = start.Latin + end.Latin + (language.IsChinese ? ".com.cn" : ".com");
            var region = Pick(language.Regions);
            var trade = Pick(language.Trades);
            var qualifier = Pick(language.Qualifiers);
            var legalForm = Pick(language.LegalForms);
            var name = language.IsChinese
                ? region.NamePart + brand + trade.NameWord + legalForm
                : string.Join(' ', new[] { brand, trade.NameWord, qualifier, legalForm }.Where(p => p.Length > 0));
            var address = language.IsChinese
                ? $"{Pick(language.Streets)} {_random.Next(1, 999)} 号"
                : $"{_random.Next(1, 999)} {Pick(language.Streets)}";

            var customer = new Customer();
            customer.Describe(new CustomerDetails(
                name,
                CustomerKind.Company,
                trade.Industry,
                region.Province,
                region.City,
                address,
                Pick(language.People.Sources),
                _random.Next(10) == 0 ? null : _random.Next(1, 5),
                Pick([CustomerStatus.Prospect, CustomerStatus.Active, CustomerStatus.Active, CustomerStatus.Active, CustomerStatus.Dormant, CustomerStatus.Lost]),
                null));
            customer.AssignTo(ownerId);
            Stamp(customer, createdAt, Between(createdAt, now));
            return (customer, new Origin(brand, region, mailDomain));
        }

        private Contact NewContact(BenchLanguage language, Origin origin, bool primary, long customerId, DateTimeOffset createdAt)
        {
            var (family, given, region) = (Pick(language.People.FamilyNames), Pick(language.People.GivenNames), origin.Region);
            var contact = new Contact { CustomerId = (int)customerId };
            contact.Describe(new ContactDetails(
                language.IsChinese ? family.Name + given.Name : $"{given.Name} {family.Name}",
                Pick(language.People.Titles),
                Mobile(language, region),
                primary ? $"{region.PhonePrefix}{(language.IsChinese ? "-" : " ")}{_random.Next(2000, 9000)} {_random.Next(10000):D4}" : null,
                $"{given.Latin}.{family.Latin}{(_random.Next(3) == 0 ? $"{_random.Next(1, 100):D2}" : "")}@{origin.MailDomain}",
                language.IsChinese ? $"wxid_{given.Latin}{family.Latin}{_random.Next(1000)}" : null,
                primary));
            Stamp(contact, createdAt, createdAt);
            return contact;
        }

        private string Mobile(BenchLanguage language, BenchRegion region)
        {
            if (!language.IsChinese)
            {
                return $"{region.PhonePrefix} {_random.Next(200, 1000)} {_random.Next(10000):D4}";
            }

            var (prefix, middle, last) = (Pick(["135", "136", "137", "138", "139", "150", "158", "177", "186", "189"]), _random.Next(10000), _random.Next(10000));
            return Pick([$"+86 {prefix} {middle:D4} {last:D4}", $"{prefix}-{middle:D4}-{last:D4}", $"{prefix}{middle:D4}{last:D4}"]);
        }

        private IEnumerable<Tag> Tags() => _random.Next(10) switch
        {
            < 6 => [],
            < 9 => [Pick(tags)],
            _ => tags.OrderBy(_ => _random.Next()).Take(2).ToList(),
        };

        private List<(Interaction Entity, long Id)> Timeline(
            BenchLanguage language, int ownerId, long customerId, List<(Contact Contact, long Id)> contacts, DateTimeOffset createdAt, double average)
        {
            var timeline = new List<(Interaction, long)>();
            for (var count = _random.Next((int)Math.Round(2 * average) + 1); timeline.Count < count;)
            {
                var text = Pick(language.People.Interactions);
                var contactId = text.Kind == InteractionKind.Note ? (long?)null : Pick(contacts).Id;
                var occurredAt = Between(createdAt, now);
                var interaction = new Interaction { CustomerId = (int)customerId, LoggedById = ownerId };
                interaction.Describe(new InteractionDetails(text.Kind, occurredAt, (int?)contactId, text.Summary, text.Outcome, text.NextStep));
                Stamp(interaction, occurredAt, occurredAt);
                timeline.Add((interaction, _nextInteractionId++));
            }

            return timeline;
        }

        private static void Stamp(TrackedRecord record, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        {
            record.Version = 1;
            record.CreatedAt = createdAt;
            record.UpdatedAt = updatedAt;
        }

        private DateTimeOffset Before(DateTimeOffset time, int days) => time.AddSeconds(-_random.NextDouble() * days * 86_400);

        private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) => from.AddSeconds(_random.NextDouble() * (to - from).TotalSeconds);

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    }
}
