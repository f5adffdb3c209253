using SalesHub.Core.Errors;

namespace SalesHub.Core.Customers;

public sealed record ContactDetails(string Name, string? Title, string? Mobile, string? OfficePhone, string? Email, string? WeChatId, bool IsPrimary);

/// <summary>A person at a customer (联系人).</summary>
public sealed class Contact : CustomerPart
{
    public const int NameMaxLength = 100;
    public const int FieldMaxLength = 100;

    public string Name { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Mobile { get; private set; }

    public string? OfficePhone { get; private set; }

    public string? Email { get; private set; }

    public string? WeChatId { get; private set; }

    public bool IsPrimary { get; set; }

    /// <summary>Digits of <see cref="Mobile"/> as duplicate detection compares them.</summary>
    public string MobileDigits { get; private set; } = "";

    public string OfficePhoneDigits { get; private set; } = "";

    public string EmailKey { get; private set; } = "";

    public void Describe(ContactDetails details)
    {
        Name = TextRules.Required(details.Name, NameMaxLength, "name", "Contacts.NameRequired");
        Title = TextRules.Optional(details.Title, FieldMaxLength, "title");
        Mobile = Phone(details.Mobile, "mobile");
        OfficePhone = Phone(details.OfficePhone, "officePhone");
        Email = TextRules.Optional(details.Email, FieldMaxLength, "email");
        if (Email is not null && !CustomerMatching.IsValidEmail(Email))
        {
            throw new DomainException("Contacts.InvalidEmail") { Field = "email" };
        }

        WeChatId = TextRules.Optional(details.WeChatId, FieldMaxLength, "weChatId");
        IsPrimary = details.IsPrimary;
        MobileDigits = CustomerMatching.PhoneDigits(Mobile);
        OfficePhoneDigits = CustomerMatching.PhoneDigits(OfficePhone);
        EmailKey = CustomerMatching.NormalizeEmail(Email);
    }

    private static string? Phone(string? value, string field)
    {
        var phone = TextRules.Optional(value, FieldMaxLength, field);
        return phone is null || CustomerMatching.IsValidPhone(phone)
            ? phone
            : throw new DomainException("Contacts.InvalidPhone") { Field = field };
    }
}
