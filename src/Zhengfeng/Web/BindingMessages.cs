using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Zhengfeng.Web;

/// <summary>Chinese text for the form-binding errors MVC raises itself (a letter in a number field, a missing value).</summary>
public static class BindingMessages
{
    public static void UseChinese(DefaultModelBindingMessageProvider m)
    {
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
        m.SetValueMustBeANumberAccessor(_ => "请填写数字");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
        m.SetValueMustNotBeNullAccessor(_ => "此项不能为空");
        m.SetMissingBindRequiredValueAccessor(_ => "缺少必填项");
        m.SetMissingKeyOrValueAccessor(() => "缺少必填项");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
    }

    /// <summary>MVC requires every non-nullable reference property of a form; its message for one left empty is English unless given here.</summary>
    public sealed class ImplicitRequired : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
            {
                if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
                {
                    required.ErrorMessage = "请填写必填项";
                }
            }
        }
    }
}
