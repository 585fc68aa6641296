from django import forms
from django.utils.translation import gettext_lazy as _

from notes.models import MAX_NOTE_LENGTH, Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["text", "priority"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": MAX_NOTE_LENGTH})}

    def __init__(self, *args, tenant, customer, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.tenant_id is None:
            self.instance.tenant = tenant
            self.instance.customer = customer
        self.fields["text"].label = _("Note")
        self.fields["text"].error_messages["required"] = _("Write something in the note.")

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something in the note."), code="required")
        return text
