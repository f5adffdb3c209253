using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerAttachmentsTests : IDisposable
{
    private const long MaxBytes = 4096;

    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;
    private readonly AppUser _teammate;
    private readonly AppUser _otherRep;
    private readonly AppUser _admin;
    private readonly Customer _customer;
    private readonly CustomerAttachments _attachments;

    public CustomerAttachmentsTests()
    {
        var company = new CompanyBuilder(_database);
        var east = company.AddTeam("East");
        _rep = company.AddUser(Roles.SalesRep, east, "Rita");
        _teammate = company.AddUser(Roles.SalesRep, east, "Tom");
        _otherRep = company.AddUser(Roles.SalesRep, company.AddTeam("South"), "Sam");
        _admin = company.AddUser(Roles.Admin, name: "Alice");
        _customer = company.AddCustomer(_rep);
        _attachments = _database.CreateAttachments(MaxBytes);
    }

    private Actor Rep => Actor.For(_rep);

    [Fact]
    public async Task AnUploadedFileIsListedAndOpensWithTheSameBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 signed contract");

        var id = await UploadAsync(Rep, "合同 2026.pdf", bytes, "application/octet-stream");

        var row = Assert.Single(await _attachments.ListAsync(Rep, _customer.Id));
        Assert.Equal((id, "合同 2026.pdf", "application/pdf", (long)bytes.Length, "Rita", true), (row.Id, row.FileName, row.ContentType, row.Size, row.UploadedByName, row.CanDelete));
        var download = await _attachments.OpenAsync(Rep, id);
        await using var content = download.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(("合同 2026.pdf", "application/pdf"), (download.FileName, download.ContentType));
    }

    [Fact]
    public async Task TheFileIsStoredUnderARandomKeyNotTheUsersName()
    {
        var id = await UploadAsync(Rep, "quote.txt", "hello"u8.ToArray());

        await using var db = _database.CreateWidgetContext(Rep);
        var key = await db.CustomerAttachments.Where(a => a.Id == id).Select(a => a.StorageKey).SingleAsync();
        var stored = Assert.Single(StoredFiles());
        Assert.Equal(key, Path.GetFileName(stored));
        Assert.DoesNotContain("quote", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedAfterReadingNoMoreThanItNeedsAndLeavesNothingBehind()
    {
        var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<DomainException>(() => _attachments.UploadAsync(Rep, _customer.Id, "big.pdf", "application/pdf", endless));

        Assert.Equal(("Attachments.TooLarge", "file"), (error.Code, error.Field));
        Assert.InRange(endless.BytesRead, MaxBytes + 1, MaxBytes + 81920);
        Assert.Empty(StoredFiles());
        Assert.Empty(await _attachments.ListAsync(Rep, _customer.Id));
    }

    [Fact]
    public async Task AFileOfExactlyTheLimitIsAccepted()
    {
        await UploadAsync(Rep, "full.csv", new byte[MaxBytes]);

        Assert.Equal(MaxBytes, Assert.Single(await _attachments.ListAsync(Rep, _customer.Id)).Size);
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(Rep, "empty.txt", []));

        Assert.Equal(("Attachments.Empty", "file"), (error.Code, error.Field));
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("run.sh")]
    [InlineData("README")]
    public async Task AFileTypeOutsideTheAllowedListIsRefused(string fileName)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(Rep, fileName, "data"u8.ToArray()));

        Assert.Equal(("Attachments.TypeNotAllowed", "file"), (error.Code, error.Field));
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("invoice.pdf", new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00, 0x03 })]
    [InlineData("photo.jpg", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02 })]
    [InlineData("notes.txt", new byte[] { (byte)'#', (byte)'!', (byte)'/', (byte)'b', (byte)'i', (byte)'n' })]
    [InlineData("deck.pptx", new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 0x07 })]
    public async Task AProgramIsRefusedWhateverItsNameSays(string fileName, byte[] content)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(Rep, fileName, content));

        Assert.Equal(("Attachments.Executable", "file"), (error.Code, error.Field));
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\Windows\\win.ini.txt", "win.ini.txt")]
    [InlineData("C:\\Users\\rita\\Desktop\\报价单.xlsx", "报价单.xlsx")]
    [InlineData("  tab\tand\nnewline.pdf ", "tabandnewline.pdf")]
    public async Task AFileNameKeepsNoFolderPartsOrControlCharacters(string sent, string kept)
    {
        await UploadAsync(Rep, sent, "fine"u8.ToArray());

        Assert.Equal(kept, Assert.Single(await _attachments.ListAsync(Rep, _customer.Id)).FileName);
        Assert.All(StoredFiles(), f => Assert.StartsWith(_database.AttachmentFolder, f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVeryLongFileNameIsShortenedAndKeepsItsExtension()
    {
        await UploadAsync(Rep, new string('名', 400) + ".docx", "fine"u8.ToArray());

        var name = Assert.Single(await _attachments.ListAsync(Rep, _customer.Id)).FileName;
        Assert.Equal(CustomerAttachment.FileNameMaxLength, name.Length);
        Assert.EndsWith("名.docx", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherRepCannotListOpenUploadOrDeleteAndLearnsNothing()
    {
        var id = await UploadAsync(Rep, "contract.pdf", "secret"u8.ToArray());
        var other = Actor.For(_otherRep);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _attachments.OpenAsync(other, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _attachments.ListAsync(other, _customer.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _attachments.DeleteAsync(other, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => UploadAsync(other, "mine.pdf", "x"u8.ToArray()));
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task AUserTheCustomerIsSharedWithMayUploadAndDeleteTheirOwnFileButNotTheOwners()
    {
        await ShareWithAsync(_teammate);
        var teammate = Actor.For(_teammate);
        var ownersFile = await UploadAsync(Rep, "owner.pdf", "a"u8.ToArray());
        var teammatesFile = await UploadAsync(teammate, "visit.jpg", "b"u8.ToArray());

        var rows = await _attachments.ListAsync(teammate, _customer.Id);
        Assert.Equal([(teammatesFile, true), (ownersFile, false)], rows.Select(r => (r.Id, r.CanDelete)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _attachments.DeleteAsync(teammate, ownersFile));
        await _attachments.DeleteAsync(teammate, teammatesFile);

        Assert.Equal([ownersFile], (await _attachments.ListAsync(Rep, _customer.Id)).Select(r => r.Id));
    }

    [Fact]
    public async Task DeletingMovesTheAttachmentToTheRecycleBinAndKeepsItsFileUntilItsCustomerIsPurged()
    {
        var id = await UploadAsync(Rep, "old.pdf", "old"u8.ToArray());

        await _attachments.DeleteAsync(Rep, id);

        Assert.Empty(await _attachments.ListAsync(Rep, _customer.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _attachments.OpenAsync(Rep, id));
        await using var db = _database.CreateWidgetContext(Rep);
        var deleted = await RecycleBin.Deleted<CustomerAttachment>(db).SingleAsync();
        Assert.Equal(_rep.Id, deleted.DeletedById);
        Assert.Single(StoredFiles());

        var directory = new CustomerDirectory(_database, new DuplicateDetection(_database));
        await directory.DeleteAsync(Rep, _customer.Id, 1);
        await new CustomerRecycleBin(_database, _attachments).PurgeCustomerAsync(Actor.For(_admin), _customer.Id);

        Assert.Empty(StoredFiles());
    }

    [Fact]
    public void AnnouncedSizeAndNameAreCheckedBeforeAnyByteIsSent()
    {
        Assert.Equal("Attachments.TooLarge", Assert.Throws<DomainException>(() => _attachments.RequireAcceptable("a.pdf", MaxBytes + 1)).Code);
        Assert.Equal("Attachments.TypeNotAllowed", Assert.Throws<DomainException>(() => _attachments.RequireAcceptable("a.exe", 10)).Code);
        Assert.Equal("Attachments.Empty", Assert.Throws<DomainException>(() => _attachments.RequireAcceptable("a.pdf", 0)).Code);
        _attachments.RequireAcceptable("a.PDF", MaxBytes);
    }

    private async Task<int> UploadAsync(Actor actor, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        using var stream = new MemoryStream(content);
        return await _attachments.UploadAsync(actor, _customer.Id, fileName, contentType, stream);
    }

    private async Task ShareWithAsync(AppUser user)
    {
        await using var db = _database.CreateWidgetContext(Actor.System);
        db.RecordShares.Add(new RecordShare { RecordType = nameof(Customer), RecordId = _customer.Id, UserId = user.Id });
        await db.SaveChangesAsync();
    }

    private List<string> StoredFiles() =>
        Directory.Exists(_database.AttachmentFolder) ? [.. Directory.EnumerateFiles(_database.AttachmentFolder, "*", SearchOption.AllDirectories)] : [];

    public void Dispose() => _database.Dispose();

    /// <summary>An upload that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
