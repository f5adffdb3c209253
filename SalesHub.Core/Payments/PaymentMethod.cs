namespace SalesHub.Core.Payments;

/// <summary>How a payment (回款) reached the company.</summary>
public enum PaymentMethod
{
    BankTransfer,
    Cash,
    Cheque,
    Card,
    WeChatPay,
    Alipay,
    Other,
}
