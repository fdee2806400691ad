from django.urls import path

from . import views

urlpatterns = [
    path("<int:article_id>/", views.post_comment, name="post_comment"),
    path("<int:article_id>/token/", views.form_token_field, name="comment_form_token"),
    path("find/<int:comment_id>/", views.find_comment, name="find_comment"),
    path("replies/confirm/<str:token>/", views.confirm_subscription, name="comment_subscription_confirm"),
    path("replies/stop/<str:token>/", views.unsubscribe, name="comment_unsubscribe"),
]
