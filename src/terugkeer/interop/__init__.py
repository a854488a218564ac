"""Exchange with other systems: posted form fields, FHIR Questionnaires and QuestionnaireResponses,
XLSForm workbooks and their ODK/Kobo submissions, and the form definitions as JSON.

Every reader here turns what another system sends into the form fields of
:func:`terugkeer.interop.formdata.from_form`, so it meets the same checks as a document
(:mod:`terugkeer.documents`). Nothing below this layer imports it.
"""
