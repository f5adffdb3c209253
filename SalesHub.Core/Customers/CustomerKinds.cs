namespace SalesHub.Core.Customers;

public enum CustomerKind
{
    Company,
    Individual,
}

/// <summary>Where a customer stands with the company.</summary>
public enum CustomerStatus
{
    Prospect,
    Active,
    Dormant,
    Lost,
}

/// <summary>How a rep was in touch with a customer.</summary>
public enum InteractionKind
{
    Call,
    Visit,
    Meeting,
    Email,
    WeChat,
    Note,
}
